package org.xinqiao.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** Standard input and output as UTF-8, whatever the platform's default. */
final class Utf8Io {

  private Utf8Io() {}

  static Reader stdin() {
    return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
  }

  static Writer stdout() {
    return new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
  }
}
