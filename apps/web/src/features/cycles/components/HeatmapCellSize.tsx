import { useEffect, useState } from 'react';
import { TextField } from '@/components/ui';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { MAX_MIN_CELL_SIZE } from '../api/get-heatmap';

interface HeatmapCellSizeProps {
  /** The size in force (from the address or the default). */
  value: number;
  /** The cycle's anonymity threshold: no cell may be smaller. */
  threshold: number;
  onChange: (size: number) => void;
}

function parse(text: string, threshold: number): number | null {
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isInteger(n) && n >= threshold && n <= MAX_MIN_CELL_SIZE ? n : null;
}

/**
 * The smallest group a cell may show. A valid number applies once typing pauses (or on Enter);
 * anything under the cycle's threshold is refused here, with the reason, before the API would
 * quietly raise it.
 */
export function HeatmapCellSize({ value, threshold, onChange }: HeatmapCellSizeProps) {
  const [text, setText] = useState(String(value));
  const settled = useDebouncedValue(text, 400);
  const parsed = parse(text, threshold);
  // Judged once typing pauses, so "1" on the way to "12" is not called an error.
  const invalid = parse(settled, threshold) === null;

  // The address can change under the field (back button): follow it.
  useEffect(() => setText(String(value)), [value]);

  useEffect(() => {
    const n = parse(settled, threshold);
    if (n !== null && n !== value) onChange(n);
    // Only when the typed text settles.
  }, [settled]);

  return (
    <form
      className="hm-size"
      onSubmit={(e) => {
        e.preventDefault();
        if (parsed !== null && parsed !== value) onChange(parsed);
      }}
    >
      <TextField
        label="Minimum people per cell"
        name="minCellSize"
        type="number"
        inputMode="numeric"
        min={threshold}
        max={MAX_MIN_CELL_SIZE}
        step={1}
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={invalid ? `Enter a whole number from ${threshold} to ${MAX_MIN_CELL_SIZE}: this cycle never shows a group smaller than ${threshold}.` : null}
        hint={`At least ${threshold}, the cycle’s anonymity threshold. Larger groups hide more cells.`}
      />
    </form>
  );
}
