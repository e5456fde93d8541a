// Who signs the author's commits: the name and email asked for both when a workspace is made a
// repository and in Sync settings.
interface AuthorIdentityFieldsProps {
  /** Prefix of the inputs' ids: two forms can be on screen in turn. */
  idPrefix: string;
  name: string;
  email: string;
  onName: (name: string) => void;
  onEmail: (email: string) => void;
  /** When the two are used. */
  hint: string;
}

export function AuthorIdentityFields({ idPrefix, name, email, onName, onEmail, hint }: AuthorIdentityFieldsProps) {
  return (
    <fieldset className="field">
      <legend>Your changes are signed</legend>
      <label htmlFor={`${idPrefix}-name`}>Name</label>
      <input
        id={`${idPrefix}-name`}
        type="text"
        value={name}
        autoComplete="name"
        onChange={(e) => onName(e.target.value)}
      />
      <label htmlFor={`${idPrefix}-email`}>Email</label>
      <input
        id={`${idPrefix}-email`}
        type="email"
        value={email}
        autoComplete="email"
        onChange={(e) => onEmail(e.target.value)}
      />
      <p className="hint">{hint}</p>
    </fieldset>
  );
}
