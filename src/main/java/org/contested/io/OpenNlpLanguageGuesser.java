package org.contested.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Language detection with OpenNLP's Leipzig language model ({@code opennlp-models-langdetect},
 * 103 languages, ISO 639-3 codes mapped to ISO 639-1). Text without any letter gives "und".
 */
public final class OpenNlpLanguageGuesser implements LanguageGuesser {
  private static final String MODEL_RESOURCE = "/langdetect-183.bin";
  /** Enough characters to decide; longer texts only cost time. */
  private static final int MAX_CHARS = 2000;

  private static volatile LanguageDetectorModel sharedModel;

  private final LanguageDetectorME detector;

  private OpenNlpLanguageGuesser(LanguageDetectorModel model) {
    this.detector = new LanguageDetectorME(model);
  }

  /** A guesser over the model, which is loaded once per JVM (it is 10 MB) and shared. */
  public static OpenNlpLanguageGuesser create() {
    return new OpenNlpLanguageGuesser(model());
  }

  private static LanguageDetectorModel model() {
    LanguageDetectorModel m = sharedModel;
    if (m == null) {
      synchronized (OpenNlpLanguageGuesser.class) {
        m = sharedModel;
        if (m == null) {
          try (InputStream in = OpenNlpLanguageGuesser.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
              throw new IllegalStateException(
                  MODEL_RESOURCE + " not on the classpath: is opennlp-models-langdetect a dependency?");
            }
            m = new LanguageDetectorModel(in);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + MODEL_RESOURCE, e);
          }
          sharedModel = m;
        }
      }
    }
    return m;
  }

  @Override
  public String guess(String text) {
    if (text == null || text.codePoints().noneMatch(Character::isLetter)) {
      return LanguageCodes.UNDETERMINED;
    }
    String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    Language best = detector.predictLanguage(sample);
    return LanguageCodes.normalize(best.getLang());
  }
}
