package detect

import "strings"

// A modest list of frequent given names and surnames from the countries CRMs here serve
// (GB/US, DE, FR, ES, IT, NL, PL, PT, TR, Arabic, Chinese pinyin and characters). It is
// value evidence only: a hit confirms a name column, and a column where most values hit
// is probably names. Words that are also common nouns or colours (Brown, White, Price,
// Long) are left out so that product and status columns do not match.

var givenNames = wordList("given_names")

var surnames = wordList("surnames")

// hanSurnames are the most frequent Chinese family names; a name of two to four Han
// characters that starts with one of them is a name.
const hanSurnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"

func isHanSurname(r rune) bool { return strings.ContainsRune(hanSurnames, r) }
