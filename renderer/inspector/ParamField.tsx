import { useEffect, useId, useState } from 'react';
import { type FieldModel, formatListValue, parseListText } from './fieldModel';

interface Props {
  field: FieldModel;
  value: unknown;
  error?: string;
  onChange(value: unknown): void;
}

/** One parameter: the input matches the schema's type; the schema's message shows under it. */
export function ParamField({ field, value, error, onChange }: Props) {
  const id = useId();
  const shown =
    field.kind === 'list' ? formatListValue(value) : value === undefined || value === null ? '' : String(value);
  const [text, setText] = useState(shown);
  useEffect(() => setText(shown), [shown]);
  const errorId = `${id}-error`;
  const common = { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? errorId : undefined };

  let input: React.ReactNode;
  if (field.kind === 'boolean') {
    input = <input {...common} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />;
  } else if (field.kind === 'enum') {
    input = (
      <select {...common} value={String(value ?? '')} onChange={(e) => onChange(e.target.value)}>
        {field.options?.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    );
  } else {
    input = (
      <input
        {...common}
        type="text"
        inputMode={field.kind === 'list' ? 'text' : 'decimal'}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const raw = e.target.value;
          onChange(field.kind === 'list' ? parseListText(raw) : raw.trim() === '' ? undefined : Number(raw));
        }}
      />
    );
  }
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{field.label}</label>
      {input}
      {error && (
        <div className="field-error" id={errorId} role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
