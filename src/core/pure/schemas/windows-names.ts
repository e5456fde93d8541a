// Names Windows refuses for any file or folder, whatever the case and with any extension
// (`con`, `CON.json`, `lpt1`): a slug names an export folder and an id names a study file.
const WINDOWS_DEVICE_NAME = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

export function isWindowsDeviceName(stem: string): boolean {
  return WINDOWS_DEVICE_NAME.test(stem);
}

export const windowsDeviceNameMessage = (what: string) =>
  `${what} may not be a Windows device name (con, prn, aux, nul, com1–9, lpt1–9)`;
