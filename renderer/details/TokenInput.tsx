/**
 * A list of names typed one after another, as WordPress's category and tag fields work: Enter or a
 * comma (Latin or Arabic) adds what was typed, each name has its own remove button, and Backspace in
 * the empty field removes the last one. The site's own names are suggested, and a name typed in
 * another case takes the site's spelling, so publishing finds the existing term.
 */
import { type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  id: string;
  label: string;
  values: string[];
  suggestions: readonly string[];
  /** How many the release format holds. */
  max: number;
  onChange: (values: string[]) => void;
}

const NAME_MAX_LENGTH = 200;
const SEPARATORS = /[,،]/;

export const TokenInput = ({ id, label, values, suggestions, max, onChange }: Props) => {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  /** Read by screen readers: a token appearing or going is otherwise silent. */
  const [announcement, setAnnouncement] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const chosen = new Set(values.map((value) => value.toLocaleLowerCase()));
  const offered = suggestions.filter((name) => !chosen.has(name.toLocaleLowerCase()));

  const add = (typed: string[]) => {
    const added: string[] = [];
    const seen = new Set(chosen);
    for (const raw of typed) {
      const name = raw.trim().slice(0, NAME_MAX_LENGTH);
      const key = name.toLocaleLowerCase();
      if (!name || seen.has(key) || values.length + added.length >= max) continue;
      seen.add(key);
      added.push(suggestions.find((suggestion) => suggestion.toLocaleLowerCase() === key) ?? name);
    }
    setText('');
    if (added.length === 0) return;
    onChange([...values, ...added]);
    setAnnouncement(t('details.tokenAdded', { name: added.join(', ') }));
  };

  const remove = (name: string) => {
    onChange(values.filter((value) => value !== name));
    setAnnouncement(t('details.tokenRemoved', { name }));
    input.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      add([text]);
    } else if (event.key === 'Backspace' && text === '' && values.length > 0) {
      event.preventDefault();
      remove(values[values.length - 1] ?? '');
    }
  };

  return (
    <div className="details-field">
      <label htmlFor={`${id}-input`}>{label}</label>
      {values.length > 0 && (
        <ul className="tokens" aria-label={label}>
          {values.map((value) => (
            <li key={value} className="token">
              <span dir="auto">{value}</span>
              <button
                type="button"
                aria-label={t('details.removeToken', { name: value })}
                onClick={() => remove(value)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={`${id}-input`}
        ref={input}
        dir="auto"
        list={`${id}-suggestions`}
        aria-describedby={`${id}-hint`}
        maxLength={NAME_MAX_LENGTH * 4}
        disabled={values.length >= max}
        value={text}
        onKeyDown={onKeyDown}
        onChange={(event) => {
          const value = event.target.value;
          const native = event.nativeEvent;
          // A comma ends a name; picking a suggestion from the list is a choice made, not typing.
          const picked = !(native instanceof InputEvent) || native.inputType === 'insertReplacementText';
          if (SEPARATORS.test(value)) {
            const parts = value.split(SEPARATORS);
            const rest = parts.pop() ?? '';
            add(parts);
            setText(rest.trimStart());
          } else if (picked && offered.includes(value)) add([value]);
          else setText(value);
        }}
        // What was typed and not yet added is not lost when the user moves on.
        onBlur={() => text.trim() && add([text])}
      />
      <datalist id={`${id}-suggestions`}>
        {offered.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <p id={`${id}-hint`} className="hint">
        {t('details.tokensHint')}
      </p>
      <span role="status" className="visually-hidden">
        {announcement}
      </span>
    </div>
  );
};
