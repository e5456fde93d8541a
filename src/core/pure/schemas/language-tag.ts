// A language tag as the site and a study name their language (BCP 47, the usual subset:
// "en", "pt-BR", "zh-Hant-TW"), declared once for both.
import { z } from 'zod';

export const languageTagSchema = z
  .string()
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'Language must be a BCP 47 tag such as en or pt-BR');
