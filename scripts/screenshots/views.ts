// The four ways every screenshot is taken: light and dark, desktop and a 390 px phone.
export const VIEWS = [
  { suffix: 'light', scheme: 'light', width: 1280, height: 900 },
  { suffix: 'dark', scheme: 'dark', width: 1280, height: 900 },
  { suffix: 'mobile-light', scheme: 'light', width: 390, height: 844 },
  { suffix: 'mobile-dark', scheme: 'dark', width: 390, height: 844 },
] as const;

export type View = (typeof VIEWS)[number];
