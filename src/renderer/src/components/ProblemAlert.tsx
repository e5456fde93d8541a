// What went wrong with the user's last action, announced when it appears (role "alert"), in
// the one style every dialog and panel uses. Nothing while there is no problem.
export function ProblemAlert({ problem }: { problem: string | null | undefined }) {
  return problem ? (
    <p className="form-error" role="alert">
      {problem}
    </p>
  ) : null;
}
