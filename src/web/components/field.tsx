/** Labelled form controls with hints and errors tied to the control by `aria-describedby`. */
import { type ReactNode, useId } from 'react';

interface Common {
  label: string;
  hint?: string;
  error?: string | undefined;
  errorLang?: string | undefined;
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Notes({ id, hint, error, errorLang }: { id: string } & Omit<Common, 'label'>) {
  return (
    <>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`} lang={errorLang}>
          {error}
        </p>
      ) : null}
    </>
  );
}

type InputProps = Common & {
  name: string;
  value: string;
  onChange(value: string): void;
  type?: 'text' | 'email' | 'password' | 'date' | 'search';
  autoComplete?: string;
  required?: boolean;
  minLength?: number;
  readOnly?: boolean;
  /** The id of a `<datalist>` of suggestions. */
  list?: string;
};

/** A text, email or password input with its label. */
export function TextField(props: InputProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <Notes id={id} hint={props.hint} error={props.error} errorLang={props.errorLang} />
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        autoComplete={props.autoComplete}
        required={props.required}
        minLength={props.minLength}
        readOnly={props.readOnly}
        list={props.list}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
      />
    </div>
  );
}

type TextAreaProps = Common & {
  name: string;
  value: string;
  onChange(value: string): void;
  rows?: number;
  required?: boolean;
  lang?: string | undefined;
};

/** A multi-line text input with its label. */
export function TextAreaField(props: TextAreaProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <Notes id={id} hint={props.hint} error={props.error} errorLang={props.errorLang} />
      <textarea
        id={id}
        name={props.name}
        value={props.value}
        rows={props.rows ?? 4}
        lang={props.lang}
        onChange={(e) => props.onChange(e.target.value)}
        required={props.required}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
      />
    </div>
  );
}

type SelectProps = Common & {
  name: string;
  value: string;
  onChange(value: string): void;
  children: ReactNode;
  className?: string;
};

/** A select with its label. */
export function SelectField(props: SelectProps) {
  const id = useId();
  return (
    <div className={props.className ?? 'field'}>
      <label htmlFor={id}>{props.label}</label>
      <Notes id={id} hint={props.hint} error={props.error} errorLang={props.errorLang} />
      <select
        id={id}
        name={props.name}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-describedby={describedBy(id, props.hint, props.error)}
      >
        {props.children}
      </select>
    </div>
  );
}
