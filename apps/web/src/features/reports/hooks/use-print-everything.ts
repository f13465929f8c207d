import { useEffect } from 'react';

/**
 * Paper has no "show more": while printing, every closed disclosure of the report (the notes, the
 * trend's tables) is opened, and closed again afterwards. Collapsed behaviours print through CSS.
 */
export function usePrintEverything(): void {
  useEffect(() => {
    let opened: HTMLDetailsElement[] = [];
    const before = () => {
      opened = [...document.querySelectorAll<HTMLDetailsElement>('.report details:not([open])')];
      for (const d of opened) d.open = true;
    };
    const after = () => {
      for (const d of opened) d.open = false;
      opened = [];
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
}
