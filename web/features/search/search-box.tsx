'use client';
/**
 * The one search box, with type-ahead from /api/suggest (names, numbers, builders, places; also
 * by pinyin and initials). A combobox in the WAI-ARIA sense: ↑/↓ move through the suggestions,
 * Enter opens the one chosen (or searches the text when none is), Esc closes the list, and `/`
 * anywhere on the page puts the cursor in the box.
 */
import { SearchOutlined } from '@ant-design/icons';
import { Button, Input, Space, type InputRef } from 'antd';
import { Pill, type Tone } from '../common/pill';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useDebouncedValue } from '../common/use-debounced-value';
import { useSuggestions } from './search.queries';
import type { Suggestion } from './search.types';
import { suggestionTarget } from './suggestion-target';
import { SEARCH_TEXTS } from './texts';

const KIND_COLORS: Record<Suggestion['kind'], Tone> = { project: 'blue', builder: 'purple', place: 'green', regulation: 'gold' };

/** True when a key press lands in a field that takes text (where `/` is a character, not a shortcut). */
function typingInField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

export function SearchBox({ initial, onSearch, autoFocus = false }: { initial: string; onSearch: (q: string) => void; autoFocus?: boolean }) {
  const router = useRouter();
  const [text, setText] = useState(initial);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const inputRef = useRef<InputRef>(null);
  const listId = useId();
  const debounced = useDebouncedValue(text, 120);
  const suggestions = useSuggestions(open ? debounced : '');
  const items = open && text.trim() ? (suggestions.data?.items ?? []) : [];
  const expanded = items.length > 0;

  // A new search from outside (Back, a link) shows its own text.
  useEffect(() => setText(initial), [initial]);
  useEffect(() => setActive(-1), [suggestions.data]);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || typingInField(e.target)) return;
      e.preventDefault();
      inputRef.current?.focus({ cursor: 'all' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const choose = (s: Suggestion) => {
    setOpen(false);
    setText(s.kind === 'project' ? text : s.text);
    router.push(suggestionTarget(s));
  };

  const submit = () => {
    setOpen(false);
    onSearch(text.trim());
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // The input method's Enter commits pinyin into characters; it is not a search.
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!expanded) {
        setOpen(true);
        return;
      }
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => {
        const n = items.length;
        const next = i + step;
        return next < -1 ? n - 1 : next >= n ? -1 : next;
      });
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const chosen = active >= 0 ? items[active] : undefined;
      if (chosen) choose(chosen);
      else submit();
    } else if (e.key === 'Escape') {
      if (expanded) {
        e.preventDefault();
        setOpen(false);
        setActive(-1);
      }
    }
  };

  return (
    <form
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      style={{ position: 'relative', maxWidth: 760 }}
    >
      <Space.Compact style={{ width: '100%' }}>
        <Input
          ref={inputRef}
          size="large"
          value={text}
          autoFocus={autoFocus}
          allowClear
          placeholder={SEARCH_TEXTS.placeholder}
          aria-label={SEARCH_TEXTS.boxLabel}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <Button size="large" type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden />}>
          {SEARCH_TEXTS.submit}
        </Button>
      </Space.Compact>
      <ul
        id={listId}
        role="listbox"
        aria-label={SEARCH_TEXTS.boxLabel}
        className="ph-suggest"
        hidden={!expanded}
      >
        {items.map((s, i) => (
          <li
            key={`${s.kind}:${s.ref}:${s.text}`}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'ph-suggest-item ph-suggest-active' : 'ph-suggest-item'}
            // Before the input's blur, so the click still lands.
            onMouseDown={(e) => {
              e.preventDefault();
              choose(s);
            }}
            onMouseEnter={() => setActive(i)}
          >
            <Pill tone={KIND_COLORS[s.kind]}>{SEARCH_TEXTS.suggestKinds[s.kind]}</Pill>
            <span className="ph-suggest-text">{s.text}</span>
            {s.detail ? <span className="ph-suggest-detail">{s.detail}</span> : null}
          </li>
        ))}
      </ul>
    </form>
  );
}
