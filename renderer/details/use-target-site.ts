/**
 * The site a release is meant for, and what Pressroom last read of it (categories, tags, time zone)
 * for the panel's suggestions. Without a chosen site the first one is used, as the Publish panel does.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ResponseOf } from '../../shared/contract/ipc-contract.js';
import type { AppError } from '../../shared/contract/result.js';
import type { Site } from '../../shared/sites/site.js';
import { pressroom } from '../bridge/pressroom.js';

export type SiteTerms = ResponseOf<'sites.terms'>;

export interface TargetSite {
  /** Null while the list loads. */
  sites: Site[] | null;
  /** The release's site, or the first one when it has none (or its site was removed). */
  site: Site | null;
  /** What was last read of `site`; null until known. */
  terms: SiteTerms | null;
  /** Counts refreshes, so that lists read from the site's cache load again after one. */
  readCount: number;
  refreshing: boolean;
  error: AppError | null;
  refresh: () => Promise<void>;
}

export const useTargetSite = (targetSite: string | null): TargetSite => {
  const [sites, setSites] = useState<Site[] | null>(null);
  const [terms, setTerms] = useState<{ siteId: string; value: SiteTerms } | null>(null);
  const [readCount, setReadCount] = useState(0);
  const [refreshing, setRefreshing] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    let current = true;
    void pressroom()
      .sites.list({})
      .then((result) => {
        if (!current) return;
        if (result.ok) setSites(result.value);
        else setError(result.error);
      });
    return () => {
      current = false;
    };
  }, []);

  const site = sites?.find((candidate) => candidate.id === targetSite) ?? sites?.[0] ?? null;
  const siteId = site?.id ?? null;

  useEffect(() => {
    if (!siteId) return;
    let current = true;
    void pressroom()
      .sites.terms({ siteId })
      .then((result) => {
        if (!current) return;
        if (result.ok) setTerms({ siteId, value: result.value });
        else setError(result.error);
      });
    return () => {
      current = false;
    };
  }, [siteId, readCount]);

  const refresh = useCallback(async () => {
    if (!siteId) return;
    setRefreshing(true);
    setError(null);
    const result = await pressroom().sites.refresh({ siteId });
    setRefreshing(false);
    if (result.ok) setReadCount((count) => count + 1);
    else setError(result.error);
  }, [siteId]);

  return {
    sites,
    site,
    terms: terms && terms.siteId === siteId ? terms.value : null,
    readCount,
    refreshing,
    error,
    refresh,
  };
};
