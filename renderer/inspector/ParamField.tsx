import { useId, useState } from 'react';
import { useText } from '../i18n/useText';
import { fieldLabel } from './fieldLabel';
import { type FieldModel, formatListValue, parseTyped } from './fieldModel';
import { useHeldText } from './useHeldText';

interface Props {
  field: FieldModel;
  value: unknown;
  error?: string;
  /** The schema's message for a candidate value, or undefined when the layer accepts it. */
  check?: (value: unknown) => string | undefined;
  onChange(value: unknown): void;
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * One parameter: the input matches the schema's type; the schema's message shows under it.
 * An entry the layer would refuse stays in the field with its message and is not written into
 * the model, so the totals keep describing the last valid network.
 */
export function ParamField({ field, value, error, check, onChange }: Props) {
  const { t: say, language } = useText();
  const id = useId();
  const shown =
    field.kind === 'list'
      ? formatListValue(value)
      : Array.isArray(value)
        ? value.join(', ')
        : value === undefined || value === null
          ? ''
          : String(value);
  const [text, setText] = useHeldText(shown, (t) => {
    const typed = parseTyped(field, t, language);
    return 'value' in typed && sameValue(typed.value ?? null, value ?? null);
  });
  const [held, setHeld] = useState<string | undefined>(undefined);
  const shownError = held ?? error;
  const errorId = `${id}-error`;
  const common = {
    id,
    'aria-invalid': shownError ? true : undefined,
    'aria-describedby': shownError ? errorId : undefined,
  };

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
          const raw = e.target.value;
          setText(raw);
          const typed = parseTyped(field, raw, language);
          if ('problem' in typed) return setHeld(typed.problem);
          const refused = check?.(typed.value);
          setHeld(refused);
          if (!refused) onChange(typed.value);
        }}
      />
    );
  }
  return (
    <div className={`field${shownError ? ' invalid' : ''}`}>
      <label htmlFor={id}>{fieldLabel(field.key, say)}</label>
      {input}
      {shownError && (
        <div className="field-error" id={errorId} role="alert">
          {shownError}
        </div>
      )}
    </div>
  );
}
