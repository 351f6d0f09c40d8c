export interface KillTestResult {
  rounds: number;
  killsDuringWork: number;
  saves: number;
  checked: number;
  lost: number;
  corrupted: number;
  leftoverTempFiles: number;
  problems: string[];
}
export function buildSaveLoopChild(root: string, workDir: string): Promise<string>;
export function runKillTest(options: {
  childScript: string;
  workDir: string;
  rounds: number;
  random?: () => number;
  maxDelayMs?: number;
  /** Save with a plain fs.writeFile instead of Pressroom's atomic save (the bench's baseline). */
  naive?: boolean;
}): Promise<KillTestResult>;
