import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { useT } from '@/i18n';

type ToastTone = 'success' | 'info' | 'danger';
interface ToastItem {
  id: number;
  tone: ToastTone;
  message: string;
}

interface ToastApi {
  show(message: string, tone?: ToastTone): void;
}

const ToastContext = createContext<ToastApi | null>(null);

/**
 * Short confirmations ("Saved") in a polite live region. They fade after a few seconds and can be
 * dismissed; anything the person must act on belongs in an inline Alert instead.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const tr = useT();
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const show = useCallback(
    (message: string, tone: ToastTone = 'success') => {
      const id = next.current++;
      setToasts((all) => [...all.slice(-2), { id, tone, message }]);
      setTimeout(() => dismiss(id), 6000);
    },
    [dismiss],
  );
  const api = useMemo(() => ({ show }), [show]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((t) => (
          <div key={t.id} className={`toast toast--${t.tone}`}>
            <span className="toast__icon" aria-hidden="true">
              {t.tone === 'danger' ? '!' : '✓'}
            </span>
            <span className="toast__message">{t.message}</span>
            <button type="button" className="toast__close" onClick={() => dismiss(t.id)}>
              <span aria-hidden="true">✕</span>
              <span className="visually-hidden">{tr('ui.toast.dismiss')}</span>
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast() needs a <ToastProvider>');
  return api;
}
