// Browser mode: the folders this format was exported to lately, one click to fill the folder
// field again (export-folders.ts keeps them, per machine).
interface RecentFoldersProps {
  folders: readonly string[];
  disabled: boolean;
  onPick: (folder: string) => void;
}

export function RecentFolders({ folders, disabled, onPick }: RecentFoldersProps) {
  if (folders.length === 0) return null;
  return (
    <div className="recent-folders">
      <span className="export-label" id="recent-folders-label">
        Recent folders
      </span>
      <ul aria-labelledby="recent-folders-label">
        {folders.map((folder) => (
          <li key={folder}>
            <button
              type="button"
              className="link-button"
              dir="ltr"
              disabled={disabled}
              aria-label={`Use ${folder}`}
              onClick={() => onPick(folder)}
            >
              {folder}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
