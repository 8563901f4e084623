package eval

import (
	"fmt"
	"strconv"
)

var chineseSchema = schemaDef{
	name: "crm_cn", engine: "mysql",
	style: "Chinese CRM and membership system: pinyin column names (kehu, dingdan) and Chinese-character names (会员, 台湾客户), MySQL",
	tables: func(g *gen) []tableDef {
		cn := mixOf("CN", 1)
		gender := func(r *row) string { return r.p.gender([]string{"男", "女"}) }
		return []tableDef{
			{name: "kehu", people: cn, cols: []colDef{
				col("id", "bigint", None, seq(10001)),
				col("xingming", "varchar(32)", "person_name", fullV),
				col("xingbie", "varchar(2)", "gender", gender),
				col("chusheng_riqi", "date", "date_of_birth", dobV).sparse(0.3),
				col("shenfenzheng", "varchar(18)", "national_id", natIDV).sparse(0.3),
				col("shouji", "varchar(20)", "phone", phoneMixV(true, "national", "national", "alt", "intl")),
				col("dianhua", "varchar(20)", "phone", phoneV(false, "national")).sparse(0.7),
				col("youxiang", "varchar(64)", "email", emailV).sparse(0.4),
				col("weixin", "varchar(40)", "username", func(r *row) string {
					if r.g.chance(0.5) {
						return "wxid_" + r.g.from(lowerChars+digitChars, 14)
					}
					return r.p.username
				}).sparse(0.5),
				col("sheng", "varchar(20)", "postal_address", regionV),
				col("chengshi", "varchar(20)", "city", cityV),
				col("dizhi", "varchar(200)", "postal_address", lineV),
				col("youbian", "char(6)", "postal_code", postcodeV).sparse(0.4),
				col("minzu", "varchar(10)", "ethnicity", oneOf(cnEthnicity...)).sparse(0.3),
				col("zhengzhi_mianmao", "varchar(10)", "political", oneOf(cnPolitical...)).sparse(0.4),
				col("zongjiao", "varchar(10)", "religion_or_belief", oneOf(cnReligion...)).sparse(0.7),
				col("kehu_dengji", "varchar(10)", None, oneOf("普通", "银卡", "金卡", "钻石", "VIP")),
				col("zhuangtai", "tinyint", None, oneOf("0", "1", "1", "1", "2")),
				col("beizhu", "text", "free_text_may_contain_pii", notesV("zh", 0.5)).sparse(0.6),
				col("chuangjian_shijian", "datetime", None, tsV),
				col("gengxin_shijian", "datetime", None, tsV),
			}},
			{name: "会员", people: cn, cols: []colDef{
				col("会员编号", "varchar(20)", None, func(r *row) string { return "HY" + strconv.Itoa(20200000+r.i*13+r.g.intn(13)) }),
				col("姓名", "varchar(32)", "person_name", fullV),
				col("性别", "varchar(2)", "gender", gender),
				col("手机号", "varchar(11)", "phone", phoneV(true, "national")),
				col("邮箱", "varchar(64)", "email", emailV).sparse(0.5),
				col("身份证号", "varchar(18)", "national_id", natIDV).sparse(0.4),
				col("出生日期", "date", "date_of_birth", dobV).sparse(0.4),
				col("年龄", "int", "age", func(r *row) string { return strconv.Itoa(r.p.age()) }).sparse(0.3),
				col("地址", "varchar(200)", "postal_address", lineV).sparse(0.3),
				col("民族", "varchar(10)", "ethnicity", oneOf(cnEthnicity...)).sparse(0.5),
				col("政治面貌", "varchar(10)", "political", oneOf(cnPolitical...)).sparse(0.6),
				col("注册时间", "datetime", None, tsV),
				col("积分", "int", None, intRange(0, 25000)),
				col("会员等级", "varchar(10)", None, oneOf("普通会员", "银卡会员", "金卡会员", "铂金会员")),
				col("备注", "varchar(500)", "free_text_may_contain_pii", notesV("zh", 0.5)).sparse(0.7),
			}},
			{name: "台湾客户", rows: 150, people: mixOf("TW", 1), cols: []colDef{
				col("客戶編號", "varchar(12)", None, func(r *row) string { return fmt.Sprintf("TW%06d", 1000+r.i) }),
				col("姓名", "varchar(32)", "person_name", fullV),
				col("身分證字號", "char(10)", "national_id", natIDV),
				col("性別", "varchar(2)", "gender", func(r *row) string { return r.p.gender([]string{"男", "女"}) }),
				col("生日", "varchar(20)", "date_of_birth", func(r *row) string {
					if r.g.chance(0.5) {
						return rocDate(r.p.birth)
					}
					return r.p.dob("2006/01/02")
				}),
				col("行動電話", "varchar(15)", "phone", phoneMixV(true, "national", "alt")),
				col("電子郵件", "varchar(64)", "email", emailV).sparse(0.3),
				col("通訊地址", "varchar(200)", "postal_address", func(r *row) string { return r.p.postcode + r.p.line }),
			}},
			{name: "dingdan", people: cn, cols: []colDef{
				col("dingdan_hao", "varchar(24)", None, func(r *row) string { return r.g.recent().Format("20060102150405") + r.g.digits(6) }),
				col("kehu_id", "bigint", None, intRange(10001, 10700)),
				col("jine", "decimal(10,2)", None, moneyV(9.9, 3999)),
				col("zhifu_fangshi", "varchar(10)", None, oneOf("微信支付", "支付宝", "银联", "货到付款")),
				col("zhuangtai", "varchar(10)", None, oneOf("待付款", "待发货", "已发货", "已完成", "已取消")),
				col("shouhuoren", "varchar(32)", "person_name", fullV),
				col("shouhuoren_dianhua", "varchar(20)", "phone", phoneV(true, "national")),
				col("shouhuo_dizhi", "varchar(200)", "postal_address", lineV),
				col("xiadan_shijian", "datetime", None, tsV),
			}},
		}
	},
}
