/**
 * The details panel's fields as the editor holds them between saves. Kept in a ref as well as in
 * state so that a save, or an answer arriving late (an image import), always builds on the latest
 * values rather than on those of the render that started it.
 *
 * A save sends only the fields the user changed since the draft was opened: the others stay as
 * stored, so a detail the panel never touched (say a featured image whose file went missing on a
 * synced drive) cannot make every save of the text fail.
 */
import { useCallback, useRef, useState } from 'react';
import { type ReleaseDetails, detailsOf } from '../../shared/release/release-details.js';

/** A change to some fields, or a function of the current fields for changes that finish later. */
export type DetailsChange = Partial<ReleaseDetails> | ((current: ReleaseDetails) => Partial<ReleaseDetails>);

export const useReleaseDetails = (document: ReleaseDetails) => {
  const [details, setDetails] = useState<ReleaseDetails>(() => detailsOf(document));
  const latest = useRef(details);
  const changed = useRef(new Set<keyof ReleaseDetails>());

  const update = useCallback((change: DetailsChange) => {
    const patch = typeof change === 'function' ? change(latest.current) : change;
    for (const key of Object.keys(patch) as (keyof ReleaseDetails)[]) changed.current.add(key);
    latest.current = { ...latest.current, ...patch };
    setDetails(latest.current);
  }, []);

  /** What a save sends: the changed fields, as they are now. */
  const read = useCallback(
    (): Partial<ReleaseDetails> =>
      Object.fromEntries([...changed.current].map((key) => [key, latest.current[key]])),
    [],
  );

  /**
   * After "keep my version" in a conflict the draft holds the other version's values for the fields
   * the user did not change: show those, as they are what is now on disk.
   */
  const adopt = useCallback((stored: ReleaseDetails) => {
    const fresh = detailsOf(stored);
    latest.current = Object.fromEntries(
      (Object.keys(fresh) as (keyof ReleaseDetails)[]).map((key) => [
        key,
        changed.current.has(key) ? latest.current[key] : fresh[key],
      ]),
    ) as ReleaseDetails;
    setDetails(latest.current);
  }, []);

  return { details, update, read, adopt };
};
