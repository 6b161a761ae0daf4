/** One choice an admin page's GET form filters by: a named select, with an "all" option when it has one. */
export function FilterSelect({
  name,
  label,
  value,
  options,
  all,
  testId,
}: {
  name: string;
  label: string;
  value: string | number | undefined;
  options: { value: string | number; label: string; lang?: string }[];
  /** The option for no filter (value ""), if the filter can be left off. */
  all?: string;
  testId?: string;
}) {
  return (
    <label>
      {label}{" "}
      <select name={name} defaultValue={value ?? ""} data-testid={testId}>
        {all !== undefined && <option value="">{all}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value} lang={o.lang} dir="auto">
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
