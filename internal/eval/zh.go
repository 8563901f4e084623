package eval

import (
	"fmt"
	"strings"
	"time"
)

// Chinese-language people: mainland China (simplified characters) and Taiwan
// (traditional characters). Names carry their pinyin so that emails can be made of them.

type hanzi struct{ han, pinyin string }

var cnSurnames = []hanzi{
	{"王", "Wang"}, {"李", "Li"}, {"张", "Zhang"}, {"刘", "Liu"}, {"陈", "Chen"}, {"杨", "Yang"}, {"黄", "Huang"}, {"赵", "Zhao"},
	{"吴", "Wu"}, {"周", "Zhou"}, {"徐", "Xu"}, {"孙", "Sun"}, {"马", "Ma"}, {"朱", "Zhu"}, {"胡", "Hu"}, {"郭", "Guo"},
	{"何", "He"}, {"高", "Gao"}, {"林", "Lin"}, {"罗", "Luo"}, {"郑", "Zheng"}, {"梁", "Liang"}, {"谢", "Xie"}, {"宋", "Song"},
	{"唐", "Tang"}, {"许", "Xu"}, {"韩", "Han"}, {"冯", "Feng"}, {"邓", "Deng"}, {"曹", "Cao"}, {"欧阳", "Ouyang"}, {"司马", "Sima"},
}

var cnMale = []hanzi{
	{"伟", "Wei"}, {"强", "Qiang"}, {"磊", "Lei"}, {"军", "Jun"}, {"洋", "Yang"}, {"勇", "Yong"}, {"杰", "Jie"}, {"涛", "Tao"},
	{"明", "Ming"}, {"超", "Chao"}, {"刚", "Gang"}, {"平", "Ping"}, {"辉", "Hui"}, {"建华", "Jianhua"}, {"志强", "Zhiqiang"}, {"俊杰", "Junjie"},
	{"浩然", "Haoran"}, {"子轩", "Zixuan"}, {"宇航", "Yuhang"}, {"国庆", "Guoqing"}, {"建国", "Jianguo"}, {"鹏", "Peng"}, {"斌", "Bin"}, {"博文", "Bowen"},
}

var cnFemale = []hanzi{
	{"芳", "Fang"}, {"娜", "Na"}, {"秀英", "Xiuying"}, {"敏", "Min"}, {"静", "Jing"}, {"丽", "Li"}, {"艳", "Yan"}, {"娟", "Juan"},
	{"霞", "Xia"}, {"秀兰", "Xiulan"}, {"桂英", "Guiying"}, {"婷", "Ting"}, {"雪", "Xue"}, {"玲", "Ling"}, {"慧", "Hui"}, {"欣怡", "Xinyi"},
	{"梓涵", "Zihan"}, {"诗琪", "Shiqi"}, {"雨桐", "Yutong"}, {"晓燕", "Xiaoyan"}, {"淑华", "Shuhua"}, {"美玲", "Meiling"}, {"佳怡", "Jiayi"}, {"颖", "Ying"},
}

// traditional renders simplified characters of the name lists in traditional script.
var traditional = strings.NewReplacer(
	"王", "王", "刘", "劉", "陈", "陳", "杨", "楊", "黄", "黃", "赵", "趙", "吴", "吳", "周", "周", "孙", "孫", "马", "馬",
	"郭", "郭", "罗", "羅", "郑", "鄭", "梁", "梁", "谢", "謝", "许", "許", "韩", "韓", "冯", "馮", "邓", "鄧",
	"伟", "偉", "军", "軍", "杰", "傑", "涛", "濤", "辉", "輝", "华", "華", "志强", "志強", "强", "強", "俊杰", "俊傑",
	"宇航", "宇航", "国", "國", "丽", "麗", "艳", "豔", "秀兰", "秀蘭", "兰", "蘭", "婷", "婷", "玲", "玲", "慧", "慧",
	"欣怡", "欣怡", "诗", "詩", "晓", "曉", "淑华", "淑華", "美玲", "美玲", "佳怡", "佳怡", "颖", "穎", "庆", "慶", "鹏", "鵬",
	"区", "區", "路", "路", "号", "號",
)

// cnPlace is a district with what the generator needs of it: the resident-id area code,
// a postcode, the telephone area code and a few roads.
type cnPlace struct {
	province, city, district, pinyinCity string
	area, postcode, tel                  string
	roads                                []string
}

var cnPlaces = []cnPlace{
	{"北京市", "北京市", "朝阳区", "Beijing", "110105", "100020", "10", []string{"建国路", "朝阳北路", "望京街", "东三环中路"}},
	{"北京市", "北京市", "海淀区", "Beijing", "110108", "100080", "10", []string{"中关村大街", "学院路", "知春路"}},
	{"上海市", "上海市", "浦东新区", "Shanghai", "310115", "200120", "21", []string{"世纪大道", "张杨路", "陆家嘴环路", "花木路"}},
	{"上海市", "上海市", "徐汇区", "Shanghai", "310104", "200030", "21", []string{"漕溪北路", "衡山路", "肇嘉浜路"}},
	{"广东省", "深圳市", "南山区", "Shenzhen", "440305", "518057", "755", []string{"科技园路", "深南大道", "南海大道"}},
	{"广东省", "广州市", "天河区", "Guangzhou", "440106", "510620", "20", []string{"天河路", "体育西路", "珠江新城花城大道"}},
	{"浙江省", "杭州市", "西湖区", "Hangzhou", "330106", "310012", "571", []string{"文三路", "天目山路", "教工路"}},
	{"四川省", "成都市", "锦江区", "Chengdu", "510104", "610021", "28", []string{"春熙路", "红星路", "东大街"}},
	{"湖北省", "武汉市", "武昌区", "Wuhan", "420106", "430061", "27", []string{"中南路", "武珞路", "中北路"}},
	{"江苏省", "南京市", "鼓楼区", "Nanjing", "320106", "210008", "25", []string{"中山北路", "湖南路", "北京西路"}},
	{"陕西省", "西安市", "雁塔区", "Xi'an", "610113", "710061", "29", []string{"长安南路", "小寨东路", "科技路"}},
	{"山东省", "青岛市", "市南区", "Qingdao", "370202", "266001", "532", []string{"香港中路", "中山路", "东海西路"}},
}

func (p cnPlace) address(g *gen) string {
	s := p.city + p.district + pick(g, p.roads) + fmt.Sprintf("%d号", g.between(1, 388))
	if p.province != p.city {
		s = p.province + s
	}
	if g.chance(0.6) {
		s += fmt.Sprintf("%s%d栋%d单元%d室", pick(g, []string{"阳光", "金色", "幸福", "翠苑", "华府", "锦绣"})+pick(g, []string{"小区", "花园", "家园"}), g.between(1, 30), g.between(1, 6), g.between(1, 33)*100+g.between(1, 4))
	}
	return s
}

type twPlace struct {
	city, district string
	letter         byte
	postcode       string
	roads          []string
}

var twPlaces = []twPlace{
	{"臺北市", "信義區", 'A', "110", []string{"信義路五段", "松仁路", "忠孝東路四段"}},
	{"臺北市", "大安區", 'A', "106", []string{"復興南路一段", "敦化南路二段", "和平東路一段"}},
	{"新北市", "板橋區", 'F', "220", []string{"文化路一段", "中山路一段", "縣民大道二段"}},
	{"臺中市", "西屯區", 'B', "407", []string{"臺灣大道三段", "市政路", "文心路二段"}},
	{"高雄市", "前鎮區", 'E', "806", []string{"中山二路", "成功二路", "民權二路"}},
	{"桃園市", "中壢區", 'H', "320", []string{"中正路", "環北路", "元化路"}},
}

func (p twPlace) address(g *gen) string {
	s := p.city + p.district + pick(g, p.roads) + fmt.Sprintf("%d號", g.between(1, 300))
	if g.chance(0.5) {
		s += fmt.Sprintf("%d樓", g.between(2, 20))
	}
	return s
}

// cnEthnicity is the 民族 field of Chinese forms, weighted roughly like the population.
var cnEthnicity = []string{"汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "汉族", "回族", "满族", "壮族", "维吾尔族", "苗族", "彝族", "土家族", "藏族", "蒙古族", "朝鲜族"}

// cnPolitical is 政治面貌 (political affiliation) as Chinese HR and membership forms record it.
var cnPolitical = []string{"群众", "群众", "群众", "群众", "中共党员", "中共党员", "共青团员", "共青团员", "中共预备党员", "民主党派", "无党派人士"}

var cnReligion = []string{"无", "无", "无", "无", "无", "佛教", "佛教", "道教", "基督教", "天主教", "伊斯兰教"}

// rocDate writes a birth date in the Minguo calendar, as Taiwanese forms often do.
func rocDate(t time.Time) string {
	return fmt.Sprintf("民國%d年%d月%d日", t.Year()-1911, int(t.Month()), t.Day())
}
