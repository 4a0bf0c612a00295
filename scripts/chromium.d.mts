export declare const CHROMIUM_ARGS: string[];
export declare const CHROMIUM_INSTALL_HINT: string;
export declare function findChromium(): string | undefined;
