import { renderToStaticMarkup } from 'react-dom/server';
import type { Licence } from '../../domain/licence';
import type { SheetDetail } from '../../schemas/sheet';
import { type HomeLink, SiteFrame } from '../components/SiteFrame';
import { SheetActionBar } from '../features/sheets/SheetActionBar';
import { SheetArticle, SheetToolbar, sheetPageTitle } from '../features/sheets/SheetArticle';
import { SheetBreadcrumbs } from '../features/sheets/SheetBreadcrumbs';
import { documentTitle } from '../lib/use-document-title';

const PlainHomeLink: HomeLink = (props) => <a href="/" {...props} />;

/** A page the server sends already drawn: its <title>, and the markup inside `#root`. */
export interface DrawnPage {
  title: string;
  body: string;
}

/**
 * The public sheet page as the app draws it for a visitor, as static markup the server puts
 * into the HTML: the sheet's text shows as soon as the HTML and its stylesheet arrive, before
 * any script, and without scripts at all. The app then draws the page itself in its place
 * (`main.tsx`), with what the user may do.
 */
export function drawSheetPage(
  sheet: SheetDetail,
  licence: Licence,
  defaultMunicipality: string | null,
): DrawnPage {
  const body = renderToStaticMarkup(
    <SiteFrame HomeLink={PlainHomeLink} drawnByServer>
      <SheetBreadcrumbs sheet={sheet} plain={defaultMunicipality} />
      <SheetToolbar sheet={sheet} licence={licence} actions={<SheetActionBar sheetId={sheet.id} />} />
      <SheetArticle sheet={sheet} />
    </SiteFrame>,
  );
  return { title: documentTitle(sheetPageTitle(sheet)), body };
}
