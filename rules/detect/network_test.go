package detect

import "testing"

func TestNetworkNames(t *testing.T) {
	nameTable(t, IPAddress, []string{"ip", "ip_address", "ipaddress", "IPAddress", "ip_addr", "ipv4", "ipv6",
		"client_ip", "remote_addr", "last_ip", "login_ip", "customer_ip_address", "x_forwarded_for", "adresse_ip",
		"ip_adresse", "indirizzo_ip", "ip地址"},
		[]string{"ip_range", "ip_country", "ip_timezone", "zip", "description", "ship_to"})
	nameTable(t, DeviceID, []string{"device_id", "deviceId", "mac", "mac_address", "macaddress", "imei", "idfa",
		"advertising_id", "android_id", "push_token", "device_token", "fcm_token", "hubspotutk", "visitor_id",
		"cookie_id", "browser_fingerprint", "设备号"},
		[]string{"machine", "device_type", "cookie_consent", "macro"})
	nameTable(t, GeoLocation, []string{"latitude", "longitude", "lat", "lng", "lon", "geo_location", "geolocation",
		"coordinates", "gps", "MailingLatitude", "partner_longitude", "breitengrad", "laengengrad", "latitud",
		"longitudine", "纬度", "经度", "坐标"},
		[]string{"flat", "lateral", "longitude_precision_type", "latency"})
}

func TestCheckIP(t *testing.T) {
	checkTable(t, checkIP, lvStrong,
		[]string{"192.168.0.1", "10.0.0.1", "8.8.8.8", "255.255.255.255", "2001:db8::1", "::1", "fe80::1%eth0",
			"2a02:8108:1640:2b00:1d2c:5f1:ab3:1"},
		[]string{"1.2.3", "1.2.3.4.5", "01.2.3.4", "256.1.1.1", "10.0.0.0/8", "v1.2.3.4", "192.168.0", "",
			"550e8400-e29b-41d4-a716-446655440000", "2024.01.15"})
	checkTable(t, checkIP, lvWeak, []string{"10.0.0.0/8", "3232235521"}, []string{"1.2.3", "12"})
}

func TestCheckMAC(t *testing.T) {
	checkTable(t, checkMAC, lvStrong,
		[]string{"00:1A:2B:3C:4D:5E", "00-1a-2b-3c-4d-5e", "001a.2b3c.4d5e", "02:42:ac:11:00:02:00:01"},
		[]string{"001A2B3C4D5E", "1000000000000000", "00:1A:2B:3C:4D", "12:34", "2001:db8::1", "hello"})
}

func TestCheckDeviceID(t *testing.T) {
	checkTable(t, checkDeviceID, lvStrong,
		[]string{"490154203237518", "00:1A:2B:3C:4D:5E"},
		[]string{"490154203237519", "550e8400-e29b-41d4-a716-446655440000", "42"})
	checkTable(t, checkDeviceID, lvWeak,
		[]string{"550E8400-E29B-41D4-A716-446655440000", "9774d56d682e549c", "fcm:APA91bHun4MxP5egoKMwt2KZFBaFUH-1RYqx"},
		[]string{"42", "1234", "hello world"})
}

func TestCheckGeo(t *testing.T) {
	checkTable(t, checkGeo, lvStrong,
		[]string{"52.520008", "-73.9857", "52.5200,13.4050", "(48.8566, 2.3522)", "POINT(13.405 52.52)",
			"SRID=4326;POINT(-3.7038 40.4168)", "40.4168 -3.7038"},
		[]string{"52.52", "181.5", "hello", "1.0,2.0", "200.123,300.456"})
	checkTable(t, checkGeo, lvWeak, []string{"52.5", "13", "-0.1"}, []string{"181", "abc"})
}

func TestClassifyNetwork(t *testing.T) {
	ips := []string{"192.168.0.1", "2001:db8::1", "84.150.12.7", "10.0.0.12", "2a02:8108:1640:2b00::7"}
	runClassify(t, []classifyCase{
		{"ip by name and values", Column{Table: "logins", Name: "ip_address", Values: ips}, IPAddress, true},
		{"ip by value only", Column{Table: "audit_log", Name: "origin", Values: ips}, IPAddress, true},
		{"inet type", Column{Table: "sessions", Name: "client_ip", DataType: "inet"}, IPAddress, true},
		{"remote_addr", Column{Table: "requests", Name: "REMOTE_ADDR"}, IPAddress, true},
		{"ip column of version strings", Column{Table: "logins", Name: "ip", Values: []string{"1.2.3", "1.2.4", "1.3.0", "2.0.0", "2.0.1"}}, None, false},
		{"mac by value only", Column{Table: "wifi_probes", Name: "src", Values: []string{"00:1A:2B:3C:4D:5E", "00:1A:2B:3C:4D:5F", "AC:DE:48:00:11:22"}}, DeviceID, true},
		{"device id", Column{Table: "devices", Name: "device_id", Values: []string{"550e8400-e29b-41d4-a716-446655440000", "6ba7b810-9dad-11d1-80b4-00c04fd430c8"}}, DeviceID, true},
		{"advertising id", Column{Table: "app_users", Name: "idfa"}, DeviceID, true},
		{"imei", Column{Table: "phones", Name: "imei", Values: []string{"490154203237518"}}, DeviceID, true},
		{"device_id as a small key", Column{Table: "readings", Name: "device_id", DataType: "integer", Values: []string{"1", "2", "3", "4", "5"}}, None, false},
		{"geo in contacts", Column{Table: "contacts", Name: "latitude", DataType: "numeric(9,6)", Values: []string{"52.520008", "48.856613"}}, GeoLocation, true},
		{"geo pairs by value", Column{Table: "checkins", Name: "loc", Values: []string{"52.5200,13.4050", "48.8566,2.3522", "40.4168,-3.7038"}}, GeoLocation, true},
		{"geo in warehouses", Column{Table: "warehouses", Name: "latitude", Values: []string{"52.520008", "48.856613"}}, None, false},
	})
}

func TestCheckUserAgent(t *testing.T) {
	checkTable(t, checkUserAgent, lvStrong,
		[]string{"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36",
			"curl/8.4.0", "okhttp/4.9.3", "Chrome", "Firefox 115", "Safari 17.1", "Outlook"},
		[]string{"", "1.2.3", "Widget Pro"})
	nameTable(t, DeviceID, []string{"user_agent", "UserAgent", "browser", "navegador", "session_id", "sessionid", "mac_address"},
		[]string{"browser_version", "session_count", "user_agent_hash"})
}
