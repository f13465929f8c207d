import { useLayoutEffect, useRef, useState, type CSSProperties, type RefObject } from 'react';

/**
 * How the top bar is laid out: every entry and the person's name (`full`), the avatar without the
 * name (`no-name`), also the logo without the word "Ripple" (`logo-only`), or the navigation
 * folded into the Menu panel (`compact`). `measure` lays
 * everything out at its natural width, never painted: the widths are read and the layout chosen
 * before the browser draws.
 */
type TopBarFit = 'measure' | 'full' | 'no-name' | 'logo-only' | 'compact';

interface Needs {
  key: string;
  full: number;
  noName: number;
  logoOnly: number;
}

/**
 * Chooses the top bar's layout from the room its real content needs (what a language, a role's
 * entries and the names make of it), not from a breakpoint guessed per language: the widths are
 * measured whenever `contentKey` changes and compared with the bar's width on every resize.
 */
export function useTopBarFit(contentKey: string): { headerRef: RefObject<HTMLElement | null>; fit: TopBarFit; style: CSSProperties | undefined } {
  const headerRef = useRef<HTMLElement>(null);
  const [needs, setNeeds] = useState<Needs | null>(null);
  const [width, setWidth] = useState(0);
  const [fontsLoaded, setFontsLoaded] = useState(0);
  const key = `${contentKey}|${fontsLoaded}`;

  useLayoutEffect(() => {
    const header = headerRef.current;
    if (!header) return;
    setWidth(header.clientWidth);
    const observer = new ResizeObserver(() => setWidth(header.clientWidth));
    observer.observe(header);
    // A font that arrives late changes every width: measure again.
    const onFonts = () => setFontsLoaded((n) => n + 1);
    document.fonts?.addEventListener('loadingdone', onFonts);
    return () => {
      observer.disconnect();
      document.fonts?.removeEventListener('loadingdone', onFonts);
    };
  }, []);

  const measuring = needs?.key !== key;
  useLayoutEffect(() => {
    const header = headerRef.current;
    if (!measuring || !header) return;
    setNeeds({ key, ...measure(header) });
  }, [measuring, key]);

  if (measuring || !needs) return { headerRef, fit: 'measure', style: undefined };
  const fit: TopBarFit = width >= needs.full ? 'full' : width >= needs.noName ? 'no-name' : width >= needs.logoOnly ? 'logo-only' : 'compact';
  const needed = { full: needs.full, 'no-name': needs.noName, 'logo-only': needs.logoOnly, compact: 0 }[fit];
  // Wider than the page's content column when the entries need it (HR in German), never narrower.
  return { headerRef, fit, style: needed ? ({ '--topbar-needs': `${needed}px` } as CSSProperties) : undefined };
}

/** The bar's width with every entry and the name at their natural widths (the `measure` layout), without the name, and without the word "Ripple" too. */
function measure(header: HTMLElement): { full: number; noName: number; logoOnly: number } {
  const inner = header.querySelector<HTMLElement>('.topbar__inner');
  const user = header.querySelector<HTMLElement>('.topbar__user');
  if (!inner || !user) return { full: 0, noName: 0, logoOnly: 0 };
  const innerBox = inner.getBoundingClientRect();
  const full = Math.ceil(user.getBoundingClientRect().right - innerBox.left + parseFloat(getComputedStyle(inner).paddingRight)) + 1;
  const name = header.querySelector<HTMLElement>('.topbar__name');
  const account = header.querySelector<HTMLElement>('.topbar__account');
  const nameWidth = name && account ? name.getBoundingClientRect().width + parseFloat(getComputedStyle(account).columnGap || '0') : 0;
  const word = header.querySelector<HTMLElement>('.brand__name');
  const brand = header.querySelector<HTMLElement>('.brand');
  const wordWidth = word && brand ? word.getBoundingClientRect().width + parseFloat(getComputedStyle(brand).columnGap || '0') : 0;
  return { full, noName: Math.ceil(full - nameWidth), logoOnly: Math.ceil(full - nameWidth - wordWidth) };
}
