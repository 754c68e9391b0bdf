import type { RequestHandler } from 'express';
import { DEFAULT_LANG, isLang, type Lang } from '../domain/drives';
import type { Content } from '../content/load';
import { translator } from '../content/texts';
import { formatter } from '../presenters/format';
import type { CookiePolicy } from './cookies';

const YEAR_MS = 365 * 24 * 3600 * 1000;

/**
 * Picks the page language: ?lang=… (and remembers it in a cookie), else the cookie, else Dutch.
 * Puts lang, t, fmt (numbers and dates, presenters/format.ts) and the language-switch links on res.locals for the views.
 */
export function pageLanguage(content: Content, cookies: CookiePolicy): RequestHandler {
  const COOKIE = cookies.name('lang');
  const translators = { nl: translator(content.texts.nl), en: translator(content.texts.en) };
  return (req, res, next) => {
    if (req.path.startsWith('/api/')) return next();
    const asked = req.query.lang;
    let lang: Lang = DEFAULT_LANG;
    if (isLang(asked)) {
      lang = asked;
      res.cookie(COOKIE, lang, cookies.options(YEAR_MS));
    } else {
      const remembered = (req.cookies as Record<string, unknown> | undefined)?.[COOKIE];
      if (isLang(remembered)) lang = remembered;
    }
    res.locals.lang = lang;
    res.locals.t = translators[lang];
    res.locals.fmt = formatter(lang);
    res.locals.switchLang = { nl: `${req.path}?lang=nl`, en: `${req.path}?lang=en` };
    next();
  };
}
