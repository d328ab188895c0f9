/** Path of the Chromium binary: `CHROMIUM_PATH`, else Debian's. */
export declare const chromiumPath: string;
/** Headless, no sandbox, no GPU, and nothing that reaches the network on its own. */
export declare const CHROMIUM_ARGS: string[];
