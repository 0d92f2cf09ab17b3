'use client';
// The lab's inputs: a slider, a text field that keeps exactly what was typed
// (so the engine can judge it), a select and a checkbox. Native elements only:
// keyboard, touch and screen readers work without extra code.
import type { KeyboardEvent } from 'react';
import { Field } from './Field';

interface Common {
  name: string;
  hint: string;
  problems?: readonly string[] | undefined;
  disabled?: boolean;
}

export interface RangeProps extends Common {
  value: number;
  min: number;
  max: number;
  step?: number;
  /** The exact value as shown and as read by screen readers. */
  format?: (value: number) => string;
  /** Shown instead of the formatted value, e.g. a raw text that is not a number. */
  display?: string;
  onChange(value: number): void;
}

export function RangeField({ name, hint, problems, disabled, value, min, max, step = 1, format = String, display, onChange }: RangeProps) {
  const clamped = Math.min(max, Math.max(min, Number.isFinite(value) ? value : min));
  const shown = display ?? format(clamped);
  return (
    <Field name={name} value={shown} hint={hint} problems={problems}>
      {({ input, describedBy, invalid }) => (
        <input
          id={input}
          type="range"
          className="lab-range"
          min={min}
          max={max}
          step={step}
          value={clamped}
          disabled={disabled}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          aria-valuetext={shown}
          onChange={(event) => onChange(Number(event.currentTarget.value))}
        />
      )}
    </Field>
  );
}

export interface TextProps extends Common {
  value: string;
  placeholder?: string | undefined;
  /** Arrow keys step a whole number up and down, as in a number input. */
  numeric?: boolean;
  onChange(value: string): void;
}

function stepOnArrow(event: KeyboardEvent<HTMLInputElement>, value: string, onChange: (value: string) => void) {
  if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
  const current = Number(value.trim() === '' ? '0' : value);
  if (!Number.isFinite(current)) return;
  event.preventDefault();
  onChange(String(Math.round(current) + (event.key === 'ArrowUp' ? 1 : -1)));
}

export function TextField({ name, hint, problems, disabled, value, placeholder, numeric, onChange }: TextProps) {
  return (
    <Field name={name} hint={hint} problems={problems}>
      {({ input, describedBy, invalid }) => (
        <input
          id={input}
          type="text"
          className="lab-text"
          value={value}
          placeholder={placeholder}
          disabled={disabled}
          inputMode={numeric ? 'decimal' : undefined}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          onKeyDown={numeric ? (event) => stepOnArrow(event, value, onChange) : undefined}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      )}
    </Field>
  );
}

export interface SelectProps extends Common {
  value: string;
  options: readonly { value: string; label: string }[];
  onChange(value: string): void;
}

export function SelectField({ name, hint, problems, disabled, value, options, onChange }: SelectProps) {
  // A value from a link that is not an option is still shown, so its problem is visible.
  const all = options.some((o) => o.value === value) ? options : [...options, { value, label: `${value || '(empty)'} (not valid)` }];
  return (
    <Field name={name} hint={hint} problems={problems}>
      {({ input, describedBy, invalid }) => (
        <select
          id={input}
          className="lab-select"
          value={value}
          disabled={disabled}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          onChange={(event) => onChange(event.currentTarget.value)}
        >
          {all.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export interface CheckProps extends Common {
  checked: boolean;
  label: string;
  onChange(checked: boolean): void;
}

export function CheckField({ name, hint, problems, disabled, checked, label, onChange }: CheckProps) {
  return (
    <Field name={name} value={label} hint={hint} problems={problems}>
      {({ input, describedBy }) => (
        <input
          id={input}
          type="checkbox"
          className="lab-check"
          checked={checked}
          disabled={disabled}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.currentTarget.checked)}
        />
      )}
    </Field>
  );
}
