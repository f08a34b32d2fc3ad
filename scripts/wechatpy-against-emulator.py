"""wechatpy, a widely used third-party WeCom SDK, against our emulator.

Run by .ci/run in its own venv (`pip install --pre wechatpy`), with the
emulator started by `wecom-checkin emulate --directory
tests/fixtures/wechatpy/directory.json`. wechatpy is used as shipped, except
for its hard-coded token URL (fetch_access_token names the real host), which
is pointed at the emulator. Every call goes over real HTTP.

usage: wechatpy-against-emulator.py BASE_URL
"""

import json
import pathlib
import sys

from wechatpy.exceptions import WeChatClientException
from wechatpy.work import WeChatClient

base = sys.argv[1].rstrip("/")
fixtures = pathlib.Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "wechatpy"
add_body = json.loads((fixtures / "add-body.json").read_text(encoding="utf-8"))
NEW_YEAR = 1798732800  # 2027-01-01 00:00 China Standard Time

client = WeChatClient("emulator-corp", "emulator-secret")
client.API_BASE_URL = base + "/cgi-bin/"
client.fetch_access_token = lambda: client._fetch_access_token(
    url=base + "/cgi-bin/gettoken",
    params={"corpid": client.corp_id, "corpsecret": client.secret},
)

passed, failed = 0, 0


def check(what, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok: {what}")
    else:
        failed += 1
        print(f"FAILED: {what} {detail}")


def rules():
    return client.oa.get_corp_checkin_option()["group"]


def by_name(name):
    return [g for g in rules() if g["groupname"] == name]


try:
    # get_corp_checkin_option() posts no body at all: the emulator must read it as {}.
    answer = client.oa.get_corp_checkin_option()
    check("get_corp_checkin_option answers", answer["errcode"] == 0 and answer["group"] == [], answer)

    client.post("checkin/add_checkin_option", data=add_body)
    added = by_name("wechatpy-总部")
    check("add_checkin_option stores one rule", len(added) == 1, added)
    groupid = added[0]["groupid"]

    client.post(
        "checkin/update_checkin_option",
        data={"effective_now": True, "group": {"groupid": groupid, "need_photo": True}},
    )
    check("update_checkin_option changes need_photo", by_name("wechatpy-总部")[0].get("need_photo") is True)

    client.post(
        "checkin/clear_checkin_option_array_field",
        data={"groupid": groupid, "clear_field": [2], "effective_now": True},
    )
    check("clear_checkin_option_array_field empties spe_offdays", not by_name("wechatpy-总部")[0].get("spe_offdays"))

    info = client.oa.get_checkin_option(NEW_YEAR, ["zhangsan", "lisi"])["info"]
    users = {i["userid"]: i["group"]["groupid"] for i in info}
    check("get_checkin_option: zhangsan's department has the rule", users.get("zhangsan") == groupid, info)
    check("get_checkin_option: lisi has no rule", "lisi" not in users, info)

    try:
        bad = json.loads(json.dumps(add_body))
        bad["group"]["groupname"] = "wechatpy-坏"
        del bad["group"]["range"]
        client.post("checkin/add_checkin_option", data=bad)
        check("an add without range is refused", False, "it was accepted")
    except WeChatClientException as e:
        check("an add without range is refused with 301093", e.errcode == 301093, e)

    client.post("checkin/del_checkin_option", data={"groupid": groupid, "effective_now": True})
    check("del_checkin_option removes the rule", by_name("wechatpy-总部") == [])
except WeChatClientException as e:
    check("no call fails", False, e)

print(f"wechatpy: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
