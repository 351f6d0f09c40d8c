/**
 * "Open recent": the drafts opened last in this library, newest first, in a menu button (arrows move,
 * Enter opens, Escape closes and gives the focus back to the button).
 */
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftSummary } from '../../shared/release/draft-summary.js';
import { pressroom } from '../bridge/pressroom.js';

export const RecentMenu = ({ onOpen }: { onOpen: (id: string) => void }) => {
  const { t } = useTranslation();
  const [items, setItems] = useState<DraftSummary[] | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);

  const focusItem = (index: number) => {
    const entries = menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]');
    if (!entries?.length) return;
    entries[(index + entries.length) % entries.length]?.focus();
  };

  const show = async () => {
    const result = await pressroom().drafts.recent({});
    setItems(result.ok ? result.value : []);
  };

  // Opening the menu puts the focus on its first item, as soon as the items are there.
  const isOpen = items !== null;
  useEffect(() => {
    if (isOpen) focusItem(0);
  }, [isOpen]);
  const close = () => {
    setItems(null);
    button.current?.focus();
  };

  const onMenuKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const entries = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const index = entries.indexOf(document.activeElement as HTMLElement);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: entries.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      focusItem(moves[event.key] ?? 0);
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      close();
    }
  };

  return (
    <div
      className="menu-button"
      onBlur={(event) => {
        // Clicking or tabbing anywhere else closes the menu, as menus do.
        if (items && !event.currentTarget.contains(event.relatedTarget as Node | null)) setItems(null);
      }}
    >
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={items !== null}
        onClick={() => (items ? close() : void show())}
      >
        {t('toolbar.openRecent')}
      </button>
      {items && (
        <ul
          ref={menu}
          role="menu"
          aria-label={t('toolbar.openRecent')}
          className="menu"
          onKeyDown={onMenuKey}
        >
          {items.length === 0 && (
            <li role="menuitem" aria-disabled="true" tabIndex={-1} className="hint">
              {t('toolbar.noRecent')}
            </li>
          )}
          {items.map((draft) => (
            <li
              key={draft.id}
              role="menuitem"
              tabIndex={-1}
              dir="auto"
              onClick={() => {
                close();
                onOpen(draft.id);
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  close();
                  onOpen(draft.id);
                }
              }}
            >
              {draft.title || t('library.untitled')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
};
