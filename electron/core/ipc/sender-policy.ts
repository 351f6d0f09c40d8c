/**
 * Who may call the core. Electron's checklist asks that every IPC message's sender be validated:
 * only our own top-level app frame may call, never an iframe or a page that was navigated elsewhere.
 */
export interface SenderInfo {
  /** URL of the frame that sent the request. */
  url: string;
  /** False for any sub-frame (iframe), which never gets access to the core. */
  isTopFrame: boolean;
}

export interface SenderPolicy {
  allows(sender: SenderInfo): boolean;
}

const originOf = (url: string): string | null => {
  try {
    const parsed = new URL(url);
    // URL#origin is the string "null" for custom schemes such as app://; build it the same way for
    // all schemes so `app://pressroom` compares like `http://127.0.0.1:1234`.
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : null;
  } catch {
    return null;
  }
};

/** Allows only top frames whose origin is exactly one of `allowedOrigins`. */
export const allowOrigins = (allowedOrigins: readonly string[]): SenderPolicy => {
  const allowed = new Set(allowedOrigins);
  return {
    allows: (sender) => {
      if (!sender.isTopFrame) return false;
      const origin = originOf(sender.url);
      return origin !== null && allowed.has(origin);
    },
  };
};
