package org.xinqiao.text;

import java.util.regex.Pattern;

/**
 * What is hidden in a message's text before a feature stores it (an unanswered question, a
 * candidate exemplar): every number in any width or script (marks, ages, phone numbers, class
 * numbers, dates; 60分, ６０分, 六十分, 三年级二班, 三月五日), what looks like a name (王老师, 张小明同学, 叫李红) and e-mail
 * addresses. It errs on the side of hiding: a reader can still see what was asked about or how it
 * was said, but not who or which child. Tabs and line breaks become one space, so the result fits
 * on one line of a TSV file or a list.
 */
public final class PersonalDetails {

  /** What stands where something was hidden. */
  public static final String MASK = "＊";

  /** The most common Chinese surnames (about 90 % of people), and a few double ones. */
  private static final String SURNAME =
      "(?:欧阳|司马|诸葛|上官|东方|皇甫|[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于"
          + "蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾"
          + "毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝"
          + "包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农"
          + "司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫"
          + "寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝])";

  /** Between a surname and a title: a given name, never a little word such as 的 or 跟. */
  private static final String GIVEN = "[\\p{IsHan}&&[^的了是在和跟找给让对向把被说上下就都也还要去来个位们]]";

  private static final String TITLE = "(老师|同学|校长|主任|班主任|阿姨|叔叔|医生|大夫|妈妈|爸爸)";

  private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
  private static final Pattern DIGITS = Pattern.compile("\\p{Nd}+([.,．，:：]\\p{Nd}+)*");
  private static final String NUMERAL = "[零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟]";

  /**
   * A Chinese numeral counting something personal: a mark, an age, a class, money, a room, a date.
   */
  private static final Pattern NUMERAL_WITH_UNIT =
      Pattern.compile(
          "(?<!"
              + NUMERAL
              + ")(?!十分|万分)("
              + NUMERAL
              + "+)"
              + "(?=分(?!钟)|周岁|岁|元|块|毛|角|号|班|年级|届|名|斤|公斤|米|厘米|楼|栋|幢|单元|室|床|排|月|日)");

  private static final Pattern NUMERAL_RUN = Pattern.compile(NUMERAL + "{4,}|百分之" + NUMERAL + "+");
  private static final Pattern TITLED_NAME =
      Pattern.compile("(?:" + SURNAME + "|小)" + GIVEN + "{0,2}" + TITLE);
  private static final Pattern CALLED_NAME =
      Pattern.compile("(叫做|名叫|名字叫|名字是|叫)" + SURNAME + "\\p{IsHan}{1,2}");
  private static final Pattern LINE_BREAKS = Pattern.compile("[\\t\\r\\n]+");

  private PersonalDetails() {}

  /** The text with numbers, names and e-mail addresses hidden, cut to at most {@code maxChars}. */
  public static String mask(String text, int maxChars) {
    String masked = EMAIL.matcher(text).replaceAll(MASK);
    masked = DIGITS.matcher(masked).replaceAll(MASK);
    masked = NUMERAL_RUN.matcher(masked).replaceAll(MASK);
    masked = NUMERAL_WITH_UNIT.matcher(masked).replaceAll(MASK);
    masked = TITLED_NAME.matcher(masked).replaceAll(MASK + "$1");
    masked = CALLED_NAME.matcher(masked).replaceAll("$1" + MASK);
    masked = LINE_BREAKS.matcher(masked).replaceAll(" ").strip();
    return masked.length() > maxChars ? masked.substring(0, maxChars) : masked;
  }
}
