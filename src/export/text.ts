import { ValidationError } from '../errors';
import { RedactionKindSchema, type HandoffPacket, type TranscriptLine } from '../schema/packet';
import { checkExportOptions, checkPacket, ENTITY_LABEL, lastSentiment, ROLE_LABEL, signed, TOPIC_LABEL, trendWord } from './common';
import { invalidArgument } from '../schema/argument';

/*
 * For agent desks that take only text (a ticket body, an internal note, an email): the packet
 * as plain text or as Markdown (CommonMark), in the order an agent reads it: the summary, the
 * reasons for the handoff, the entities, the sentiment (with a small sparkline), then the
 * transcript. Customer text is escaped in Markdown so it cannot add headings, links or HTML.
 */

export interface TextExportOptions {
  /** Keep only the newest lines of the transcript, saying how many were left out. @default all */
  readonly maxTranscriptLines?: number;
}

/** Inline text: plain runs, and runs to stress (bold in Markdown). */
type Inline = string | { readonly strong: string };

type Block =
  | { readonly kind: 'title'; readonly conversationId: string; readonly meta: readonly Inline[][] }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'field'; readonly label: string; readonly value: readonly Inline[] }
  | { readonly kind: 'list'; readonly label?: string; readonly items: readonly ListItem[]; readonly ordered?: boolean }
  | { readonly kind: 'sparkline'; readonly spark: string; readonly detail: string };

interface ListItem {
  readonly text: readonly Inline[];
  /** Further lines of the item: evidence, or the rest of a multi-line message. */
  readonly more?: readonly string[];
  readonly sub?: readonly (readonly Inline[])[];
}

/** The sparkline stays small: the latest turns only. */
const SPARK_MAX_TURNS = 30;

/** Eight heights, lowest to highest. */
const SPARK = '▁▂▃▄▅▆▇█';

/**
 * A text sparkline of sentiment scores (-1 to 1): one character per user turn, low to high.
 * @example sentimentSparkline([-0.8, 0, 0.8]) // '▂▅▇'
 */
export function sentimentSparkline(scores: readonly number[]): string {
  if (!Array.isArray(scores)) invalidArgument('sentiment scores', 'an array of numbers', scores);
  const bad = scores.findIndex((score) => typeof score !== 'number' || Number.isNaN(score));
  if (bad >= 0) invalidArgument('sentiment scores', 'a number', scores[bad], `[${bad}]`);
  return scores
    .map((score) => {
      const clamped = Math.max(-1, Math.min(1, score));
      return SPARK[Math.round(((clamped + 1) / 2) * (SPARK.length - 1))]!;
    })
    .join('');
}

/**
 * The packet as plain text: summary, reasons, entities, sentiment (with a sparkline), transcript.
 * @example ticket.comment = { body: toPlainText(packet), public: false }
 */
export function toPlainText(packet: HandoffPacket, options: TextExportOptions = {}): string {
  checkExportOptions(options, 'text export options');
  return renderPlain(document(checkPacket(packet), options));
}

/**
 * The packet as Markdown (CommonMark): the same sections as {@link toPlainText}, customer text escaped.
 * @example note.body = toMarkdown(packet)
 */
export function toMarkdown(packet: HandoffPacket, options: TextExportOptions = {}): string {
  checkExportOptions(options, 'text export options');
  return renderMarkdown(document(checkPacket(packet), options));
}

function document(packet: HandoffPacket, options: TextExportOptions): Block[] {
  const max = options.maxTranscriptLines;
  if (max !== undefined && (!Number.isInteger(max) || max < 0)) {
    throw new ValidationError('Invalid text export options: 1 problem', [
      { code: 'invalid_value', path: 'maxTranscriptLines', message: `expected a whole number from 0, found ${String(max)}` },
    ]);
  }
  const { decision, summary, sentiment, frustration } = packet;
  const blocks: Block[] = [];

  const meta: Inline[][] = [
    [{ strong: 'Queue' }, ` ${decision.queue}`],
    [{ strong: 'Priority' }, ` ${decision.priority}`],
    [{ strong: 'Action' }, ` ${decision.action}`],
    [{ strong: 'Risk' }, ` ${decision.risk.toFixed(2)}`],
  ];
  if (decision.triggeredAtTurn !== null) meta.push([{ strong: 'Escalated at turn' }, ` ${decision.triggeredAtTurn}`]);
  blocks.push({ kind: 'title', conversationId: packet.conversationId, meta });

  blocks.push({ kind: 'heading', text: 'Summary' });
  blocks.push({ kind: 'field', label: 'Customer', value: [customerLine(packet)] });
  blocks.push({ kind: 'field', label: 'Issue', value: [summary.issue === '' ? '(not stated)' : summary.issue] });
  if (summary.botAttempts.length > 0) {
    blocks.push({ kind: 'list', label: 'What the bot tried', items: summary.botAttempts.map((a) => ({ text: [a] })) });
  }
  if (summary.keyPoints.length > 0) {
    blocks.push({ kind: 'list', label: 'Key points', items: summary.keyPoints.map((k) => ({ text: [k] })) });
  }
  blocks.push({ kind: 'field', label: 'Suggested opening', value: [packet.suggestedOpening] });

  blocks.push({ kind: 'heading', text: 'Reasons' });
  blocks.push({
    kind: 'list',
    items:
      decision.reasons.length === 0
        ? [{ text: ['none'] }]
        : decision.reasons.map((r) => ({
            text: [{ strong: r.reason }, ` (rule ${r.rule}, ${r.priority}${r.queue === undefined ? '' : `, queue ${r.queue}`}): ${r.description}`],
            sub: r.evidence.map((e) => [`turn ${e.turn}: "${e.excerpt}" (${e.signal})`]),
          })),
  });

  blocks.push({ kind: 'heading', text: 'Entities' });
  blocks.push({
    kind: 'list',
    items:
      packet.entities.length === 0
        ? [{ text: ['none found'] }]
        : packet.entities.map((e) => ({
            text: [{ strong: `${ENTITY_LABEL[e.kind]}:` }, ` ${e.value} (${e.turn === null ? 'said by the bot or an agent' : `turn ${e.turn}`})`],
          })),
  });

  blocks.push({ kind: 'heading', text: 'Sentiment' });
  const drawn = sentiment.perTurn.slice(-SPARK_MAX_TURNS);
  const scores = drawn.map((t) => t.score);
  const first = drawn[0];
  const last = lastSentiment(packet);
  if (first !== undefined && last !== null) {
    const turns = first.turn === last.turn ? `turn ${first.turn}` : `turns ${first.turn}-${last.turn}`;
    blocks.push({ kind: 'sparkline', spark: sentimentSparkline(scores), detail: `${turns}: ${scores.map((s) => signed(s)).join(', ')}` });
  }
  blocks.push({
    kind: 'list',
    items: [
      { text: [{ strong: 'Trend:' }, ` ${signed(sentiment.trend)} per turn (${trendWord(sentiment.trend)})`] },
      {
        text: [
          { strong: 'Average:' },
          ` ${signed(sentiment.average)}${last === null ? '' : `; last turn ${last.label} (${signed(last.score)})`}`,
        ],
      },
      {
        text: [
          { strong: 'Frustration:' },
          ` ${frustration.level} (${frustration.score.toFixed(2)})${frustration.signals.length === 0 ? '' : `, ${frustration.signals.length} signal${frustration.signals.length === 1 ? '' : 's'}`}`,
        ],
        sub: frustration.signals.map((s) => [`turn ${s.turn}: ${s.kind.replace(/_/g, ' ')} "${s.excerpt}"`]),
      },
      { text: [{ strong: 'Topics:' }, ` ${packet.topics.length === 0 ? 'none' : packet.topics.map((t) => TOPIC_LABEL[t]).join(', ')}`] },
    ],
  });

  const shown = max === undefined ? packet.transcript : packet.transcript.slice(Math.max(0, packet.transcript.length - max));
  const left = packet.transcript.length - shown.length;
  blocks.push({ kind: 'heading', text: 'Transcript' });
  blocks.push({ kind: 'paragraph', text: transcriptNote(packet, left) });
  if (shown.length > 0) blocks.push({ kind: 'list', ordered: true, items: shown.map(transcriptItem) });
  return blocks;
}

function customerLine(packet: HandoffPacket): string {
  const { customer } = packet;
  const details = [customer.id === null ? null : `id ${customer.id}`, customer.tier === null ? null : `tier ${customer.tier}`].filter(
    (d): d is string => d !== null,
  );
  const who = `${customer.name ?? 'name not given'}${details.length === 0 ? '' : ` (${details.join(', ')})`}`;
  return [who, packet.channel === null ? null : `channel ${packet.channel}`, packet.locale === null ? null : `locale ${packet.locale}`]
    .filter((part): part is string => part !== null)
    .join(', ');
}

function transcriptNote(packet: HandoffPacket, left: number): string {
  const total = packet.transcript.length;
  const parts = [`${total} message${total === 1 ? '' : 's'}`];
  if (left > 0) parts.push(`the ${left} oldest left out here`);
  const cut = packet.truncated;
  if (cut !== null && cut.droppedMessages > 0) {
    parts.push(`${cut.droppedMessages} earlier message${cut.droppedMessages === 1 ? ' was' : 's were'} over the limits and not evaluated`);
  }
  if (cut !== null && cut.cutMessages > 0) {
    parts.push(`${cut.cutMessages} long message${cut.cutMessages === 1 ? ' was' : 's were'} evaluated only in part`);
  }
  const { total: redacted, byKind } = packet.redactions;
  if (redacted > 0) {
    const kinds = RedactionKindSchema.options.filter((kind) => (byKind[kind] ?? 0) > 0).map((kind) => `${byKind[kind]} ${kind}`);
    parts.push(`${redacted} secret${redacted === 1 ? '' : 's'} redacted (${kinds.join(', ')})`);
  }
  return parts.join('; ');
}

function transcriptItem(line: TranscriptLine): ListItem {
  const details = [
    line.turn === null ? null : `turn ${line.turn}`,
    line.timestamp ?? null,
    line.intent === undefined ? null : `intent ${line.intent}`,
    line.fallback === true ? 'did not understand' : null,
  ].filter((d): d is string => d !== null);
  const [firstLine = '', ...rest] = line.text.split(/\r\n|\r|\n/);
  return {
    text: [{ strong: ROLE_LABEL[line.role] }, `${details.length === 0 ? '' : ` (${details.join(', ')})`}: ${firstLine}`],
    more: rest,
  };
}

// Rendering -----------------------------------------------------------------------------------

/** Control characters (other than line breaks and tabs) could drive a terminal or break a desk's parser. */
function clean(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '\uFFFD');
}

/** Inline text stays on its line: customer text may hold line breaks. */
function flat(text: string): string {
  // Starts only where a run of spaces starts: without the look-behind it is quadratic on long runs (test/redos.test.ts).
  return text.replace(/(?<![ \t])[ \t]*(?:\r\n|\r|\n)\s*/g, ' ');
}

function renderPlain(blocks: readonly Block[]): string {
  const inline = (parts: readonly Inline[]): string => clean(flat(parts.map((p) => (typeof p === 'string' ? p : p.strong)).join('')));
  const out: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'title':
        out.push(`HANDOFF: ${inline([block.conversationId])}`, block.meta.map(inline).join(' | '));
        break;
      case 'paragraph':
        out.push(inline([block.text]));
        break;
      case 'heading':
        out.push('', clean(block.text).toUpperCase());
        break;
      case 'field':
        out.push(`${block.label}: ${inline(block.value)}`);
        break;
      case 'sparkline':
        out.push(`By turn: ${block.spark}  (${clean(block.detail)})`);
        break;
      case 'list': {
        if (block.label !== undefined) out.push(`${block.label}:`);
        block.items.forEach((item, index) => {
          const marker = block.ordered ? `${index + 1}.` : '-';
          out.push(`  ${marker} ${inline(item.text)}`);
          const indent = ' '.repeat(marker.length + 3);
          for (const line of item.more ?? []) out.push(`${indent}${clean(line)}`);
          for (const sub of item.sub ?? []) out.push(`${indent}- ${inline(sub)}`);
        });
        break;
      }
    }
  }
  return `${out.join('\n')}\n`;
}

/**
 * Escapes text for CommonMark: inline markup characters everywhere, and the characters that
 * would start a block (heading, list, quote, rule) at the start of a line.
 */
export function escapeMarkdown(text: string, atLineStart = true): string {
  const inline = clean(text).replace(/[\\`*_[\]<>|~&#!]/g, '\\$&');
  return atLineStart ? inline.replace(/^([ \t]*)([-+=])/gm, '$1\\$2').replace(/^([ \t]*\d+)([.)])/gm, '$1\\$2') : inline;
}

function renderMarkdown(blocks: readonly Block[]): string {
  /** `atLineStart`: the text starts a line (or a list item), where `1.`, `-` or `+` would start a block. */
  const inline = (parts: readonly Inline[], atLineStart = true): string =>
    parts
      .map((p, i) => (typeof p === 'string' ? escapeMarkdown(flat(p), atLineStart && i === 0) : `**${escapeMarkdown(flat(p.strong))}**`))
      .join('');
  const out: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'title':
        out.push(`# Handoff: ${inline([block.conversationId], false)}`, '', block.meta.map((m) => inline(m)).join(' · '), '');
        break;
      case 'paragraph':
        out.push(inline([block.text]), '');
        break;
      case 'heading':
        out.push(`## ${escapeMarkdown(block.text)}`, '');
        break;
      case 'field':
        out.push(`**${block.label}:** ${inline(block.value, false)}`, '');
        break;
      case 'sparkline':
        out.push(`\`${block.spark}\` ${escapeMarkdown(block.detail, false)}`, '');
        break;
      case 'list': {
        if (block.label !== undefined) out.push(`**${block.label}:**`, '');
        block.items.forEach((item, index) => {
          const marker = block.ordered ? `${index + 1}.` : '-';
          const indent = ' '.repeat(marker.length + 1);
          // A hard line break (backslash at the end) keeps a message's own line breaks inside its item.
          const more = (item.more ?? []).filter((line) => line.trim() !== '');
          const lines = [inline(item.text), ...more.map((line) => `${indent}${escapeMarkdown(line.trimStart())}`)];
          out.push(`${marker} ${lines.join('\\\n')}`);
          for (const sub of item.sub ?? []) out.push(`${indent}- ${inline(sub)}`);
        });
        out.push('');
        break;
      }
    }
  }
  while (out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}
