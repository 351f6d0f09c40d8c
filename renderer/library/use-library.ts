/** The library listing, kept fresh by the core's `library.changed` events. */
import { useCallback, useEffect, useState } from 'react';
import type { ResponseOf } from '../../shared/contract/ipc-contract.js';
import type { AppError } from '../../shared/contract/result.js';
import { pressroom } from '../bridge/pressroom.js';

export type Listing = ResponseOf<'drafts.list'>;

export const useLibrary = (): { listing: Listing | null; error: AppError | null; reload: () => void } => {
  const [listing, setListing] = useState<Listing | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const reload = useCallback(() => {
    void pressroom()
      .drafts.list({})
      .then((result) => {
        if (result.ok) {
          setListing(result.value);
          setError(null);
        } else setError(result.error);
      });
  }, []);

  useEffect(() => {
    reload();
    return pressroom().on('library.changed', reload);
  }, [reload]);

  return { listing, error, reload };
};
