import type { RequestHandler, Response } from 'express';
import { DEFAULT_LANG, isLang, type Lang } from '../domain/drives';
import type { Content } from '../content/load';
import { translator } from '../content/texts';
import { formatter } from '../presenters/format';
import type { CookiePolicy } from './cookies';

const YEAR_MS = 365 * 24 * 3600 * 1000;

/** For responses whose language nobody chose (no ?lang, no cookie): how to switch it, and to remember that. */
const unchosen = new WeakMap<Response, { use: (lang: Lang) => void; remember: (lang: Lang) => void }>();

/**
 * A page's own default language (a workshop's), used when the person chose none: ?lang and the cookie still win.
 * `remember` keeps it in the language cookie, so the pages that follow (the questionnaire) speak it too.
 */
export function preferLanguage(res: Response, lang: Lang, options: { remember?: boolean } = {}): void {
  const fallback = unchosen.get(res);
  if (!fallback) return;
  fallback.use(lang);
  if (options.remember) fallback.remember(lang);
}

/**
 * Picks the page language: ?lang=… (and remembers it in a cookie), else the cookie, else the page's own default
 * (preferLanguage), else Dutch.
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
      else {
        unchosen.set(res, {
          use: (l) => setLocals(l),
          remember: (l) => res.cookie(COOKIE, l, cookies.options(YEAR_MS)),
        });
      }
    }
    const setLocals = (l: Lang) => {
      res.locals.lang = l;
      res.locals.t = translators[l];
      res.locals.fmt = formatter(l);
    };
    setLocals(lang);
    res.locals.switchLang = { nl: `${req.path}?lang=nl`, en: `${req.path}?lang=en` };
    next();
  };
}
