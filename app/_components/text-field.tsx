import type { ReactNode } from 'react';

export interface TextFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  name?: string;
  type?: 'text' | 'password';
  autoComplete?: string;
  /** The id of a `<datalist>` of suggestions, passed as `children`. */
  list?: string;
  children?: ReactNode;
}

/** A labelled text input as every form of the app draws it (the label names it for assistive tech and tests). */
export function TextField({ label, value, onChange, name, type = 'text', autoComplete, list, children }: TextFieldProps) {
  return (
    <label className="flex flex-col gap-1 text-sm font-medium">
      {label}
      <input
        name={name}
        type={type}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoComplete={autoComplete}
        list={list}
        className="rounded-md border border-slate-300 px-3 py-2 text-base"
      />
      {children}
    </label>
  );
}
