/**
 * Where the window reopens. The remembered position is used only if it is still on a screen
 * (a laptop undocked from its second monitor must not open the window off-screen).
 */
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const windowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400).max(20_000),
  height: z.number().int().min(300).max(20_000),
  maximized: z.boolean().default(false),
});

export type WindowState = z.infer<typeof windowStateSchema>;

export const DEFAULT_SIZE = { width: 1200, height: 800 } as const;
const MIN_VISIBLE = 100;

const visibleOn = (bounds: Rect, area: Rect): boolean => {
  const overlapX = Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x);
  const overlapY = Math.min(bounds.y + bounds.height, area.y + area.height) - Math.max(bounds.y, area.y);
  return overlapX >= MIN_VISIBLE && overlapY >= MIN_VISIBLE;
};

/** The bounds to open with: the saved ones when visible, otherwise the default size (centred). */
export const restoreWindowState = (
  saved: unknown,
  workAreas: readonly Rect[],
): { bounds: Partial<Rect> & { width: number; height: number }; maximized: boolean } => {
  const parsed = windowStateSchema.safeParse(saved);
  if (parsed.success && workAreas.some((area) => visibleOn(parsed.data, area))) {
    const { maximized, ...bounds } = parsed.data;
    return { bounds, maximized };
  }
  return { bounds: { ...DEFAULT_SIZE }, maximized: parsed.success ? parsed.data.maximized : false };
};
