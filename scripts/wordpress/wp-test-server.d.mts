export const ADMIN_USER: string;
export function wordPressAvailable(): boolean;
export interface TestWordPress {
  url: string;
  user: string;
  /** The administrator's login password (for wp-login.php in e2e tests). */
  password: string;
  appPassword: string;
  state: string;
  socket: string;
  stop(): Promise<void>;
}
export function startWordPress(options?: {
  state?: string;
  port?: number;
  timeZone?: string;
}): Promise<TestWordPress>;
