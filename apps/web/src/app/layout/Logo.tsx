/** Ripple's mark: a drop and the rings it sends out. */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg className="logo" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <circle cx="16" cy="16" r="14.5" fill="none" stroke="currentColor" strokeOpacity="0.35" strokeWidth="2" />
      <circle cx="16" cy="16" r="9.5" fill="none" stroke="currentColor" strokeOpacity="0.65" strokeWidth="2" />
      <circle cx="16" cy="16" r="4.5" fill="currentColor" />
    </svg>
  );
}
