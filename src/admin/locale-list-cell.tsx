/**
 * The list view's "Available in" column without English: Strapi's i18n cell writes
 * "<name> (default)" with a hard-coded English word. This cell names the document's languages
 * as the locales are named (src/bootstrap/locales.ts) and marks the default through a message.
 */
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { useFetchClient } from '@strapi/strapi/admin';
import { Typography } from '@strapi/design-system';

interface Locale {
  code: string;
  name: string;
  isDefault: boolean;
}
interface Row {
  locale?: string;
  localizations?: Array<{ locale: string }>;
}
interface Header {
  name: string;
  cellFormatter?: (row: Row, header: unknown, meta: unknown) => unknown;
}

let localesOnce: Promise<Locale[]> | null = null;

const LocaleListCell = ({ row }: { row: Row }) => {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const [locales, setLocales] = useState<Locale[]>([]);
  useEffect(() => {
    // One request for all the rows of the list (and later lists).
    localesOnce ??= get<Locale[]>('/i18n/locales').then(
      ({ data }) => data,
      (error) => {
        localesOnce = null;
        throw error;
      },
    );
    let live = true;
    localesOnce.then(
      (data) => live && setLocales(data),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [get]);
  const codes = new Set([row.locale, ...(row.localizations ?? []).map((entry) => entry.locale)]);
  const names = locales
    .filter((locale) => codes.has(locale.code))
    .map((locale) =>
      locale.isDefault ? formatMessage({ id: 'novinar.locales.default', defaultMessage: '{name} (default)' }, { name: locale.name }) : locale.name,
    );
  return (
    <Typography textColor="neutral800" ellipsis>
      {names.join(', ')}
    </Typography>
  );
};

/** For the hook `Admin/CM/pages/ListView/inject-column-in-table`, run after i18n's. */
export function bulgarianLocaleColumn<T extends { displayedHeaders: Header[] }>(args: T): T {
  return {
    ...args,
    displayedHeaders: args.displayedHeaders.map((header) =>
      header.name === 'locales' ? { ...header, cellFormatter: (row: Row) => <LocaleListCell row={row} /> } : header,
    ),
  };
}
