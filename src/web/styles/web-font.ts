// The web font's faces (BIZ UDPGothic, in slices by character: `build/web-fonts.ts`), as a
// stylesheet of their own that `main.tsx` adds once the page has started.
import '@fontsource/biz-udpgothic/400.css';
import '@fontsource/biz-udpgothic/700.css';
