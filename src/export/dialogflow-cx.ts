import { ValidationError } from '../errors';
import type { HandoffPacket } from '../schema/packet';
import { checkExportOptions, checkPacket, type JsonValue } from './common';

/*
 * Dialogflow CX `ResponseMessage.liveAgentHandoff` (API v3): "Indicates that the conversation
 * should be handed off to a live agent. [...] What else to do with this signal is up to you and
 * your handoff procedures", with one field, `metadata` (a `google.protobuf.Struct`): "Custom
 * metadata for your handoff procedure. Dialogflow doesn't impose any structure on this."
 * - Client reference of the message, generated from its proto, e.g.
 *   https://cloud.google.com/ruby/docs/reference/google-cloud-dialogflow-cx-v3/latest/Google-Cloud-Dialogflow-CX-V3-ResponseMessage-LiveAgentHandoff
 *   (`metadata`: `Google::Protobuf::Struct`), and the `ResponseMessage` of @google-cloud/dialogflow-cx
 *   (`liveAgentHandoff`, `channel`), whose `verify` the tests run on this output.
 * - A webhook returns response messages in `fulfillmentResponse.messages`:
 *   https://cloud.google.com/dialogflow/cx/docs/reference/rest/v3/WebhookResponse
 *
 * The message is returned in the JSON mapping of the API (a Struct is a plain JSON object), as a
 * webhook puts it in `fulfillmentResponse.messages`. Since Dialogflow imposes no structure, the
 * metadata is the handoff packet itself, described by `warm-handoff schema packet`.
 */

/** A Dialogflow CX response message that hands the conversation to a live agent. */
export interface DialogflowCxLiveAgentHandoff {
  readonly liveAgentHandoff: { readonly metadata: DialogflowCxHandoffMetadata };
  /** The channel the message is for; absent means every channel. */
  readonly channel?: string;
}

/** The packet as JSON, with at most `maxTranscriptLines` transcript lines. */
export type DialogflowCxHandoffMetadata = { readonly [K in keyof HandoffPacket]: JsonValue };

export interface DialogflowCxHandoffOptions {
  /** The response message's `channel` (e.g. `DF_MESSENGER`). @default absent: every channel */
  readonly channel?: string;
  /**
   * Keep only the newest lines of the transcript; each keeps its `index`, so the gap shows.
   * @default all lines
   */
  readonly maxTranscriptLines?: number;
}

/**
 * The packet as a Dialogflow CX `liveAgentHandoff` response message, for a webhook's
 * `fulfillmentResponse.messages`.
 * @example res.json({ fulfillmentResponse: { messages: [toDialogflowCxLiveAgentHandoff(packet)] } })
 */
export function toDialogflowCxLiveAgentHandoff(
  packet: HandoffPacket,
  options: DialogflowCxHandoffOptions = {},
): DialogflowCxLiveAgentHandoff {
  const p = checkPacket(packet);
  checkExportOptions(options, 'Dialogflow CX options');
  const max = options.maxTranscriptLines;
  if (max !== undefined && (!Number.isInteger(max) || max < 0)) {
    throw new ValidationError('Invalid Dialogflow CX options: 1 problem', [
      { code: 'invalid_value', path: 'maxTranscriptLines', message: `expected a whole number from 0, found ${String(max)}` },
    ]);
  }
  const transcript = max === undefined ? p.transcript : p.transcript.slice(Math.max(0, p.transcript.length - max));
  return {
    liveAgentHandoff: { metadata: toJson({ ...p, transcript }) as DialogflowCxHandoffMetadata },
    ...(options.channel === undefined ? {} : { channel: options.channel }),
  };
}

/** A copy that a Struct can hold: keys whose value is undefined are left out, as JSON does. */
function toJson(value: unknown): JsonValue {
  if (Array.isArray(value)) return value.map(toJson);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, JsonValue> = {};
    for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = toJson(item);
    return out;
  }
  return value as JsonValue;
}
