import { translator } from '../../shared/i18n';
import { uiLanguage } from '../i18n/i18n';

/** Rasterises SVG text at `scale` through an <img> and a canvas, for slides that want PNG. */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const { t } = translator('ui', uiLanguage());
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(img.naturalWidth * scale);
    canvas.height = Math.ceil(img.naturalHeight * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error(t('panels.files.noCanvas'));
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error(t('panels.files.pngFailed')))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
