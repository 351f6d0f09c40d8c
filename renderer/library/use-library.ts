/** The library listing for a query, kept fresh by the core's `library.changed` events. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ResponseOf } from '../../shared/contract/ipc-contract.js';
import type { AppError } from '../../shared/contract/result.js';
import type { LibraryQuery } from '../../shared/release/draft-summary.js';
import { pressroom } from '../bridge/pressroom.js';

export type Listing = ResponseOf<'drafts.list'>;

export const useLibrary = (query: LibraryQuery): { listing: Listing | null; error: AppError | null } => {
  const [listing, setListing] = useState<Listing | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  /** Answers can arrive out of order while the user types: only the latest request's counts. */
  const latest = useRef(0);

  const reload = useCallback(() => {
    const request = ++latest.current;
    void pressroom()
      .drafts.list(query)
      .then((result) => {
        if (request !== latest.current) return;
        if (result.ok) {
          setListing(result.value);
          setError(null);
        } else setError(result.error);
      });
  }, [query]);

  useEffect(() => {
    reload();
    const stopLibrary = pressroom().on('library.changed', reload);
    // Releases waiting in the outbox show in the list: follow it too.
    const stopOutbox = pressroom().on('outbox.changed', reload);
    return () => {
      stopLibrary();
      stopOutbox();
    };
  }, [reload]);

  return { listing, error };
};
