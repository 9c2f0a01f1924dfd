package org.xinqiao.safety;

import java.util.regex.Pattern;

/**
 * What is hidden in a candidate exemplar before it is stored: numbers in any script (ages, classes,
 * phone numbers, dates), e-mail addresses and what looks like a name (王老师, 张小明同学, 叫李红). A candidate
 * teaches the detector how people write, never who wrote it or about which child.
 */
final class CandidateMasking {

  static final String MASK = "＊";
  static final int MAX_CHARS = 1000;

  private static final String SURNAME =
      "[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟"
          + "谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛"
          + "邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝"
          + "路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂"
          + "全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝]";
  private static final String GIVEN = "[\\p{IsHan}&&[^的了是在和跟找给让对向把被说上下就都也还要去来个位们]]";
  private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
  private static final Pattern DIGITS = Pattern.compile("\\p{Nd}+");
  private static final Pattern NUMERAL_WITH_UNIT =
      Pattern.compile("[零〇一二两三四五六七八九十百]+(?=岁|年级|班|号|楼|栋|室|月|日)");
  private static final Pattern TITLED_NAME =
      Pattern.compile("(?:" + SURNAME + "|小)" + GIVEN + "{0,2}(老师|同学|校长|主任|阿姨|叔叔|医生)");
  private static final Pattern CALLED_NAME =
      Pattern.compile("(叫做|名叫|名字叫|名字是|叫)" + SURNAME + "\\p{IsHan}{1,2}");

  private CandidateMasking() {}

  static String mask(String text) {
    String masked = EMAIL.matcher(text).replaceAll(MASK);
    masked = DIGITS.matcher(masked).replaceAll(MASK);
    masked = NUMERAL_WITH_UNIT.matcher(masked).replaceAll(MASK);
    masked = TITLED_NAME.matcher(masked).replaceAll(MASK + "$1");
    masked = CALLED_NAME.matcher(masked).replaceAll("$1" + MASK);
    masked = masked.replaceAll("[\\t\\r\\n]+", " ").strip();
    return masked.length() > MAX_CHARS ? masked.substring(0, MAX_CHARS) : masked;
  }
}
