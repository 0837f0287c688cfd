<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ComplaintsPane</name>
    <message>
        <location filename="../../fieldapp/ui/complaints/pane.py" line="60"/>
        <source>Overdue only</source>
        <translation>只看逾期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/pane.py" line="65"/>
        <source>New complaint…</source>
        <translation>登记举报…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/pane.py" line="67"/>
        <source>Record outcome…</source>
        <translation>登记核实结论…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/pane.py" line="68"/>
        <source>Record answer…</source>
        <translation>登记答复…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/pane.py" line="69"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/pane.py" line="78"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/pane.py" line="78"/>
        <location filename="../../fieldapp/ui/complaints/pane.py" line="169"/>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/pane.py" line="78"/>
        <location filename="../../fieldapp/ui/complaints/pane.py" line="171"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/pane.py" line="78"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/pane.py" line="79"/>
        <source>Answer due</source>
        <translation>答复期限</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/pane.py" line="108"/>
        <source>Being verified</source>
        <translation>核实中</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/pane.py" line="109"/>
        <source>Verified, not answered</source>
        <translation>已核实，待答复</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/pane.py" line="110"/>
        <source>Answered</source>
        <translation>已答复</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/pane.py" line="116"/>
        <source>Complaints (%1)</source>
        <translation>举报 (%1)</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/pane.py" line="117"/>
        <source>Complaints</source>
        <translation>举报</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/pane.py" line="120"/>
        <source>%1 answers overdue</source>
        <translation>%1 件答复逾期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/pane.py" line="130"/>
        <source>Loading complaints…</source>
        <translation>正在读取举报…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/pane.py" line="145"/>
        <source>%1 complaints, %2 answers overdue</source>
        <translation>共 %1 件举报，%2 件答复逾期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/pane.py" line="165"/>
        <source>Choose a complaint to see it.</source>
        <translation>请选择一件举报查看。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/pane.py" line="172"/>
        <source>Complaint</source>
        <translation>举报内容</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/pane.py" line="173"/>
        <source>Complainant</source>
        <translation>举报人</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/pane.py" line="174"/>
        <source>anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/pane.py" line="175"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/pane.py" line="176"/>
        <source>Verification task</source>
        <translation>核查任务</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/pane.py" line="177"/>
        <source>Outcome</source>
        <translation>办结结果</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/pane.py" line="180"/>
        <source>Answer</source>
        <translation>答复</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/pane.py" line="184"/>
        <source>Answer overdue since %1</source>
        <translation>答复已逾期（期限 %1）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/pane.py" line="187"/>
        <source>Answer due by %1</source>
        <translation>请于 %1 前答复</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/pane.py" line="193"/>
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/pane.py" line="194"/>
        <source>done: the inspection has arrived</source>
        <translation>已完成：检查记录已收到</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/pane.py" line="195"/>
        <source>cancelled</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/pane.py" line="214"/>
        <source>Recording the complaint…</source>
        <translation>正在登记举报…</translation>
    </message>
</context>
<context>
    <name>NewComplaintDialog</name>
    <message>
        <location filename="../../fieldapp/ui/complaints/dialogs.py" line="52"/>
        <source>New complaint (举报)</source>
        <translation>登记举报</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/dialogs.py" line="63"/>
        <source>Where, in words: town, village, river, landmark</source>
        <translation>文字描述地点：镇、村、河道、标志物</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/dialogs.py" line="68"/>
        <source>not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/dialogs.py" line="69"/>
        <source>Leave at “not known” when the complaint gives no position</source>
        <translation>举报未给出坐标时保持“未知”</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/dialogs.py" line="71"/>
        <source>What the complainant saw, as they said it</source>
        <translation>按举报人原话记录所见情况</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/dialogs.py" line="75"/>
        <source>Inspectors&apos; user names, separated by commas</source>
        <translation>核实人员用户名，用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/dialogs.py" line="77"/>
        <source>The complainant&apos;s contact stays on the server: never on laptops.</source>
        <translation>举报人联系方式只保存在服务器上，不会同步到外业终端。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/dialogs.py" line="83"/>
        <source>Choose the complaint&apos;s photos</source>
        <translation>选择举报附带的照片</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/dialogs.py" line="86"/>
        <source>County</source>
        <translation>县（市、区）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/dialogs.py" line="86"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/dialogs.py" line="87"/>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/dialogs.py" line="87"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/dialogs.py" line="88"/>
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/dialogs.py" line="88"/>
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/dialogs.py" line="89"/>
        <source>Description</source>
        <translation>举报内容</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/dialogs.py" line="90"/>
        <source>Complainant</source>
        <translation>举报人</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/dialogs.py" line="90"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/dialogs.py" line="91"/>
        <source>Verified by</source>
        <translation>核实人员</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/dialogs.py" line="95"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/dialogs.py" line="102"/>
        <source>Record</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/dialogs.py" line="102"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/dialogs.py" line="115"/>
        <source>Write what the complaint is about.</source>
        <translation>请填写举报内容。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/dialogs.py" line="119"/>
        <source>Give both latitude and longitude, or neither.</source>
        <translation>纬度和经度须同时填写，或都不填。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/dialogs.py" line="122"/>
        <source>Give the place, in words or as a position.</source>
        <translation>请给出地点（文字或坐标）。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/dialogs.py" line="111"/>
        <source>Wait until the photos are checked.</source>
        <translation>请等照片检查完毕。</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <location filename="../../fieldapp/ui/complaints/dialogs.py" line="162"/>
        <source>Outcome of the verification</source>
        <translation>核实结论</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/dialogs.py" line="168"/>
        <source>What was found, and what was done about it</source>
        <translation>核实发现的情况及处理措施</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/dialogs.py" line="170"/>
        <source>Outcome</source>
        <translation>办结结果</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/dialogs.py" line="171"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/dialogs.py" line="174"/>
        <source>Record outcome</source>
        <translation>登记结论</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/dialogs.py" line="174"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ReplyDialog</name>
    <message>
        <location filename="../../fieldapp/ui/complaints/dialogs.py" line="183"/>
        <source>Answer to the complainant</source>
        <translation>答复举报人</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/dialogs.py" line="185"/>
        <source>The answer as it was given</source>
        <translation>按实际答复内容填写</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/dialogs.py" line="191"/>
        <source>Record answer</source>
        <translation>登记答复</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/dialogs.py" line="191"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/complaints/dialogs.py" line="195"/>
        <source>Write the answer that was given.</source>
        <translation>请填写答复内容。</translation>
    </message>
</context>
</TS>
