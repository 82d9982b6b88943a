// Constants of the exporters, apart so that importing the package does not load the exporters.

/** The name of the Bot Framework handoff initiation event. */
export const BOT_FRAMEWORK_HANDOFF_INITIATE = 'handoff.initiate';

/** Sunshine's documented limit on `metadata`. */
export const SUNSHINE_METADATA_MAX_BYTES = 4096;
