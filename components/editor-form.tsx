// The markup of one editor decision (merge, split, move): a form that posts JSON to `endpoint`, then opens
// the page the decision produced. Pages that hydrate React submit it through EditorAction; the story page,
// which does not, through its script (components/story/page-script.ts), which reads the data-* attributes.
export interface EditorField {
  name: string;
  label: string;
  /** Options turn the field into a select; "multi" into checkboxes (an array value). */
  options?: { value: string; label: string }[];
  multi?: boolean;
  placeholder?: string;
  nullWhenEmpty?: boolean;
}

export type EditorTarget = "story" | "entity" | "outlet";

/** Where a decision's result lives: the API answers with its slug. */
export const targetPath: Record<EditorTarget, string> = { story: "/stories/", entity: "/entities/", outlet: "/outlets/" };

export interface EditorFormProps {
  title: string;
  endpoint: string;
  fields: EditorField[];
  submitLabel: string;
  goTo: EditorTarget;
}

export function EditorForm(
  props: EditorFormProps & { busy?: boolean; error?: string | null; onSubmit?: (e: React.FormEvent<HTMLFormElement>) => void },
) {
  const input = "mt-1 w-full rounded border border-black/20 bg-white px-2 py-1";
  return (
    <form onSubmit={props.onSubmit} data-editor-endpoint={props.endpoint} data-editor-go-to={targetPath[props.goTo]} className="space-y-2 text-sm">
      <p className="font-medium">{props.title}</p>
      {props.fields.map((f) =>
        f.multi ? (
          <fieldset key={f.name}>
            <legend>{f.label}</legend>
            {f.options?.map((o) => (
              <label key={o.value} className="block">
                <input type="checkbox" name={f.name} value={o.value} className="mr-1" />
                {o.label}
              </label>
            ))}
          </fieldset>
        ) : f.options ? (
          <label key={f.name} className="block">
            {f.label}
            <select name={f.name} className={input}>
              {f.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <label key={f.name} className="block">
            {f.label}
            <input name={f.name} className={input} placeholder={f.placeholder} data-null-when-empty={f.nullWhenEmpty ? "" : undefined} />
          </label>
        ),
      )}
      <button type="submit" disabled={props.busy} className="rounded-md border border-black/20 px-3 py-1 hover:bg-black/5 disabled:opacity-50">
        {props.busy ? "Working…" : props.submitLabel}
      </button>
      {props.error && (
        <p role="alert" className="text-red-800">
          {props.error}
        </p>
      )}
    </form>
  );
}
