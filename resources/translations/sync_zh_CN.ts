<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>SyncPanel</name>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="50"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="59"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="60"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="61"/>
        <source>Server and sign-in…</source>
        <translation>服务器与登录…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="62"/>
        <source>Sync automatically when the server is reachable</source>
        <translation>服务器可连接时自动同步</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="74"/>
        <location filename="../../fieldapp/ui/sync/panel.py" line="85"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="75"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="76"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="77"/>
        <source>Review</source>
        <translation>审核意见</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="78"/>
        <source>Changed</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="83"/>
        <location filename="../../fieldapp/ui/sync/panel.py" line="90"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="84"/>
        <source>What</source>
        <translation>情况</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="86"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="87"/>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="90"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="96"/>
        <location filename="../../fieldapp/ui/sync/panel.py" line="107"/>
        <source>Records</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="98"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="108"/>
        <source>Conflicts and refusals</source>
        <translation>冲突与被拒</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="109"/>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="142"/>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="143"/>
        <source>ready to send</source>
        <translation>待发送</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="144"/>
        <source>queued</source>
        <translation>已排队</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="145"/>
        <source>sent, photos pending</source>
        <translation>已发送，照片待传</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="146"/>
        <source>received by the server</source>
        <translation>服务器已接收</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="147"/>
        <source>reviewed</source>
        <translation>已审核</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="148"/>
        <source>returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="155"/>
        <source>Server: %1 — signed in as %2</source>
        <translation>服务器：%1 — 已登录为 %2</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="160"/>
        <source>Not set up: choose “Server and sign-in…”.</source>
        <translation>尚未设置：请选择“服务器与登录…”。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="165"/>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="166"/>
        <source>Last successful sync: %1</source>
        <translation>上次成功同步：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="169"/>
        <source>Waiting to send: %1 changes in %2 records; %3 photos (%4)</source>
        <translation>待发送：%2 条记录中的 %1 项修改；照片 %3 张（%4）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="181"/>
        <source>inspection</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="181"/>
        <source>patrol</source>
        <translation>巡河记录</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="196"/>
        <source>conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="197"/>
        <source>refused</source>
        <translation>被拒</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="198"/>
        <source>awaiting supervisor</source>
        <translation>待主管审核</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="201"/>
        <source>merged field by field</source>
        <translation>已逐字段合并</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="202"/>
        <source>server&apos;s version kept; yours is listed here</source>
        <translation>保留服务器版本；您的版本列于此处</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="203"/>
        <source>sent as a proposal</source>
        <translation>已作为修改建议提交</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="204"/>
        <source>not uploaded; the rest synced</source>
        <translation>未上传；其余已同步</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="227"/>
        <source>%1 (correct by %2)</source>
        <translation>%1（请于 %2 前整改）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="246"/>
        <source>Sending changes…</source>
        <translation>正在发送修改…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="247"/>
        <source>Uploading photos…</source>
        <translation>正在上传照片…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="248"/>
        <source>Receiving updates…</source>
        <translation>正在接收更新…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="249"/>
        <location filename="../../fieldapp/ui/sync/panel.py" line="267"/>
        <source>Starting…</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="258"/>
        <source>Everything is on the server.</source>
        <translation>全部数据已在服务器上。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/panel.py" line="260"/>
        <source>Some items are still waiting: see the lists below.</source>
        <translation>仍有内容等待发送：见下方列表。</translation>
    </message>
</context>
<context>
    <name>SyncSetupDialog</name>
    <message>
        <location filename="../../fieldapp/ui/sync/setup_dialog.py" line="38"/>
        <source>Set up sync</source>
        <translation>设置同步</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/setup_dialog.py" line="50"/>
        <source>Enter the address your office gave you, and your user name and password. This laptop is then registered as one of your devices.</source>
        <translation>请输入单位提供的服务器地址、您的用户名和密码。本机随后登记为您的设备之一。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/setup_dialog.py" line="58"/>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/setup_dialog.py" line="59"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/setup_dialog.py" line="60"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/setup_dialog.py" line="61"/>
        <source>This device&apos;s name</source>
        <translation>本机名称</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/setup_dialog.py" line="64"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/setup_dialog.py" line="66"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/setup_dialog.py" line="81"/>
        <source>Fill in the address, the user name and the password.</source>
        <translation>请填写地址、用户名和密码。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/setup_dialog.py" line="84"/>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync/setup_dialog.py" line="96"/>
        <source>Signed in; this device is registered.</source>
        <translation>已登录，本机已登记。</translation>
    </message>
</context>
</TS>
