// Hand-off from the insert command to the card it creates: the next decision record card to
// appear focuses its title, so typing goes on there without the mouse.
let pending = false;

export function focusNextDecisionTitle(): void {
  pending = true;
}

/** True once after focusNextDecisionTitle(). */
export function takeDecisionTitleFocus(): boolean {
  const was = pending;
  pending = false;
  return was;
}
