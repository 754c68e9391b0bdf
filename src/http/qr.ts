/**
 * A link as a QR code, an SVG made on our server. qrcode (with its PNG and command-line parts) is loaded at the first
 * code shown, not with the app: it was the largest part of loading the app, for every server start and test file.
 */
export async function qrSvg(text: string): Promise<string> {
  const QRCode = (await import('qrcode')).default;
  return QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
}
