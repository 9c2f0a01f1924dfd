package org.xinqiao.event;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The QR image of a check-in code, for the screen at the event. It holds the text "签到 CODE": a
 * phone that scans it shows the text to send (WeChat's own parametric QR codes would need the
 * account's QR API and are not used here).
 */
final class CheckinQr {

  private static final int SIZE = 320;

  private CheckinQr() {}

  static String text(Event e) {
    return "签到 " + e.checkinCode();
  }

  static byte[] png(Event e) {
    try {
      BitMatrix matrix =
          new QRCodeWriter()
              .encode(
                  text(e),
                  BarcodeFormat.QR_CODE,
                  SIZE,
                  SIZE,
                  Map.of(
                      EncodeHintType.CHARACTER_SET,
                      "UTF-8",
                      EncodeHintType.ERROR_CORRECTION,
                      ErrorCorrectionLevel.M,
                      EncodeHintType.MARGIN,
                      2));
      BufferedImage image =
          new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
      for (int y = 0; y < matrix.getHeight(); y++) {
        for (int x = 0; x < matrix.getWidth(); x++) {
          image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (WriterException ex) {
      throw new IllegalStateException("QR encoding failed", ex);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }
}
